import type { TenantContext } from "../../tenancy/types";
import { createDocument } from "../documents/create-document";
import type { CreateDocumentRequest } from "../documents/documents.types";
import { withDuplicates } from "./duplicates";

/** A DRAFT vendor bill (or vendor credit note), with a warning listing other bills of the vendor with the same reference. */
export async function createBill(ctx: TenantContext, input: CreateDocumentRequest) {
  return withDuplicates(ctx, await createDocument(ctx, "PURCHASE", input));
}
