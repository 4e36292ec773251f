import type { TenantContext } from "../../tenancy/types";
import { ageing, type AgeingQuery } from "../documents/ageing";

/** What customers owe as of a date, by age, beside the receivable accounts' ledger balance. */
export function receivablesAgeing(ctx: TenantContext, q: AgeingQuery) {
  return ageing(ctx, "SALE", q);
}
