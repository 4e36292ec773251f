import type { TenantContext } from "../../tenancy/types";
import { ageing, type AgeingQuery } from "../documents/ageing";

/** What is owed to vendors as of a date, by age, beside the payable accounts' ledger balance. */
export function payablesAgeing(ctx: TenantContext, q: AgeingQuery) {
  return ageing(ctx, "PURCHASE", q);
}
