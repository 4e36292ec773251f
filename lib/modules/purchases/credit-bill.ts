import type { TenantContext } from "../../tenancy/types";
import { creditDocument } from "../documents/credit-note";
import type { CreditNoteRequest } from "../documents/documents.types";

/** An issued vendor credit note for all or part of an issued bill. */
export function creditBill(ctx: TenantContext, id: string, input: CreditNoteRequest) {
  return creditDocument(ctx, "PURCHASE", id, input);
}
