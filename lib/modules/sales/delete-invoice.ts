import type { TenantContext } from "../../tenancy/types";
import { deleteDocument } from "../documents/delete-document";

/** Deletes a DRAFT (issued → 409: credit it instead). */
export function deleteInvoice(ctx: TenantContext, id: string) {
  return deleteDocument(ctx, "SALE", id);
}
