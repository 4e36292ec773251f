import type { TenantContext } from "../../tenancy/types";
import { deleteDocument } from "../documents/delete-document";

/** Deletes a DRAFT bill (issued → 409: record a vendor credit note instead). */
export function deleteBill(ctx: TenantContext, id: string) {
  return deleteDocument(ctx, "PURCHASE", id);
}
