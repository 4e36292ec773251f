import type { TenantContext } from "../../tenancy/types";
import type { UpdateDocumentRequest } from "../documents/documents.types";
import { updateDocument } from "../documents/update-document";
import { withDuplicates } from "./duplicates";

/** Edits a DRAFT bill (issued → 409). */
export async function updateBill(ctx: TenantContext, id: string, input: UpdateDocumentRequest) {
  return withDuplicates(ctx, await updateDocument(ctx, "PURCHASE", id, input));
}
