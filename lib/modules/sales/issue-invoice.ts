import type { TenantContext } from "../../tenancy/types";
import { issueDocument } from "../documents/issue-document";

/** DRAFT → ISSUED: INV-/CRN-<year>-<n> and the receivable entry, in one transaction. */
export function issueInvoice(ctx: TenantContext, id: string) {
  return issueDocument(ctx, "SALE", id);
}
