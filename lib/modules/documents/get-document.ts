import type { DocumentDirection } from "../../generated/client/enums.ts";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import type { DocumentView } from "./documents.types";
import { documentSelect, toDocumentView } from "./view";

/** One document of this direction with its lines; another id (or another tenant's) → 404. */
export async function getDocument(ctx: TenantContext, direction: DocumentDirection, id: string): Promise<DocumentView> {
  const d = await ctx.db.invoice.findFirst({ where: { id, direction }, select: documentSelect });
  if (!d) throw new AppError("not_found", "No such document.");
  return toDocumentView(d);
}
