import { tenantPageScope } from "@/lib/api/pages";
import type { TenantContext, TenantRecord } from "@/lib/tenancy/types";

// How each ledger page starts: the host's tenant and its signed-in user (else
// the sign-in page), then the page's read permission (else 404, like /users:
// hide what one may not read), then the page's data in the tenant's database.

export interface LedgerAccess {
  readAccounts: boolean;
  writeAccounts: boolean;
  readJournal: boolean;
  writeJournal: boolean;
  readReports: boolean;
}

export function ledgerAccess(permissions: ReadonlySet<string>): LedgerAccess {
  return {
    readAccounts: permissions.has("ledger:accounts:read"),
    writeAccounts: permissions.has("ledger:accounts:write"),
    readJournal: permissions.has("ledger:transactions:read"),
    writeJournal: permissions.has("ledger:transactions:write"),
    readReports: permissions.has("ledger:reports:read"),
  };
}

export async function ledgerPage<T>(
  param: string,
  headers: Headers,
  /** The page's path: its gate is its navigation item's permission (lib/modules/ledger/module.ts). */
  path: string,
  load: (ctx: TenantContext, access: LedgerAccess) => Promise<T>,
): Promise<{ tenant: TenantRecord; access: LedgerAccess; data: T }> {
  const { tenant, permissions, data } = await tenantPageScope(param, headers, path, (ctx, permissions) => load(ctx, ledgerAccess(permissions)));
  return { tenant, access: ledgerAccess(permissions), data };
}
