import type { TenantContext } from "../../tenancy/types";
import { createDocument } from "../documents/create-document";
import type { CreateDocumentRequest } from "../documents/documents.types";

/** A DRAFT sales invoice (or credit note) for a customer. */
export function createInvoice(ctx: TenantContext, input: CreateDocumentRequest) {
  return createDocument(ctx, "SALE", { ...input, vendorReference: undefined });
}
