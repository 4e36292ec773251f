import type { TenantContext } from "../../tenancy/types";
import type { ListDocumentsQuery } from "../documents/documents.types";
import { listDocuments } from "../documents/list-documents";

/** Sales invoices and credit notes, newest first, filtered (status, contact, dates, overdue, number/reference). */
export function listInvoices(ctx: TenantContext, q: ListDocumentsQuery) {
  return listDocuments(ctx, "SALE", q);
}
