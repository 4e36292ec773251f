import type { TenantContext } from "../../tenancy/types";
import { creditDocument } from "../documents/credit-note";
import type { CreditNoteRequest } from "../documents/documents.types";

/** An issued credit note for all or part of an issued invoice. */
export function creditInvoice(ctx: TenantContext, id: string, input: CreditNoteRequest) {
  return creditDocument(ctx, "SALE", id, input);
}
