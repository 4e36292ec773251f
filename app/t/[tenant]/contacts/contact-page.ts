import { listAccounts } from "@/lib/modules/ledger/list-accounts";
import type { TenantContext } from "@/lib/tenancy/types";
import type { AccountOption } from "./contact-form";

/** The active REVENUE and EXPENSE accounts a contact's defaults may name. */
export async function defaultAccountOptions(ctx: TenantContext): Promise<{ income: AccountOption[]; expense: AccountOption[] }> {
  const accounts = (await listAccounts(ctx)).filter((a) => a.isActive);
  const pick = (type: string) => accounts.filter((a) => a.type === type).map(({ id, code, name }) => ({ id, code, name }));
  return { income: pick("REVENUE"), expense: pick("EXPENSE") };
}
