import type { TenantContext } from "../../tenancy/types";
import { accountSelect, type AccountView } from "./accounts.types";

/** The chart of accounts, ordered by code. */
export async function listAccounts(ctx: TenantContext): Promise<AccountView[]> {
  return ctx.db.account.findMany({ select: accountSelect, orderBy: { code: "asc" }, take: 5000 });
}
