import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import type { AccountType } from "../../generated/client/enums.ts";
import { accountSelect, type AccountView } from "./accounts.types";
import { auditActor } from "../core/actor";
import { ADVISORY_LOCKS } from "../../db/locks";

// A minimal standard chart for a small business. Created only when the tenant
// has no accounts at all, so calling it twice (or concurrently) changes nothing.

const DEFAULT_CHART: readonly { code: string; name: string; type: AccountType }[] = [
  { code: "1000", name: "Cash", type: "ASSET" },
  { code: "1100", name: "Bank", type: "ASSET" },
  { code: "1200", name: "Accounts receivable", type: "ASSET" },
  { code: "2000", name: "Accounts payable", type: "LIABILITY" },
  { code: "2100", name: "Taxes payable", type: "LIABILITY" },
  { code: "3000", name: "Owner's equity", type: "EQUITY" },
  { code: "3100", name: "Retained earnings", type: "EQUITY" },
  { code: "4000", name: "Sales", type: "REVENUE" },
  { code: "5000", name: "Cost of goods sold", type: "EXPENSE" },
  { code: "6000", name: "Operating expenses", type: "EXPENSE" },
];

const LOCK_KEY = ADVISORY_LOCKS.ledgerDefaults;

export async function createDefaultAccounts(ctx: TenantContext): Promise<{ created: number; accounts: AccountView[] }> {
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
    let created = 0;
    if ((await tx.account.count()) === 0) {
      created = (await tx.account.createMany({ data: DEFAULT_CHART.map((a) => ({ ...a })) })).count;
      await appendTenantAudit(tx, { ...auditActor(ctx), action: "account.defaults_created", targetType: "account", metadata: { count: created } });
    }
    return { created, accounts: await tx.account.findMany({ select: accountSelect, orderBy: { code: "asc" }, take: 5000 }) };
  });
}
