import type { TenantContext } from "../../tenancy/types";
import { customerStatement, type StatementQuery } from "../documents/statement";

/** A customer's statement over a period. */
export function statementOf(ctx: TenantContext, contactId: string, q: StatementQuery) {
  return customerStatement(ctx, contactId, q);
}
