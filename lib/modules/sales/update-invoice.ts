import type { TenantContext } from "../../tenancy/types";
import type { UpdateDocumentRequest } from "../documents/documents.types";
import { updateDocument } from "../documents/update-document";

/** Edits a DRAFT sales invoice or credit note (issued → 409). */
export function updateInvoice(ctx: TenantContext, id: string, input: UpdateDocumentRequest) {
  return updateDocument(ctx, "SALE", id, input);
}
