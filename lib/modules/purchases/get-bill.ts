import type { TenantContext } from "../../tenancy/types";
import { getDocument } from "../documents/get-document";
import { withDuplicates } from "./duplicates";

export async function getBill(ctx: TenantContext, id: string) {
  return withDuplicates(ctx, await getDocument(ctx, "PURCHASE", id));
}
