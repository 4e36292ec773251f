import type { TenantContext } from "../../tenancy/types";
import { getDocument } from "../documents/get-document";

export function getInvoice(ctx: TenantContext, id: string) {
  return getDocument(ctx, "SALE", id);
}
