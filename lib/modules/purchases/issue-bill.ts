import type { TenantContext } from "../../tenancy/types";
import { issueDocument } from "../documents/issue-document";
import { withDuplicates } from "./duplicates";

/** DRAFT → ISSUED: BILL-/VCN-<year>-<n> and the payable entry, in one transaction. */
export async function issueBill(ctx: TenantContext, id: string) {
  return withDuplicates(ctx, await issueDocument(ctx, "PURCHASE", id));
}
