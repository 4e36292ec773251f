import type { TenantContext } from "../../tenancy/types";
import type { ListDocumentsQuery } from "../documents/documents.types";
import { listDocuments } from "../documents/list-documents";

/** Vendor bills and vendor credit notes, newest first, filtered (q also matches the vendor's reference). */
export function listBills(ctx: TenantContext, q: ListDocumentsQuery) {
  return listDocuments(ctx, "PURCHASE", q);
}
