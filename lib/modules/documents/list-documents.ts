import type { Prisma } from "../../generated/client/client.ts";
import type { DocumentDirection } from "../../generated/client/enums.ts";
import type { TenantContext } from "../../tenancy/types";
import { toDbDate, todayUtc } from "../ledger/dates";
import type { DocumentView, ListDocumentsQuery } from "./documents.types";
import { documentSelect, toDocumentView } from "./view";

/** Documents newest first (date, then creation), filtered; cursor pagination (`nextCursor` → `cursor`). */
export async function listDocuments(
  ctx: TenantContext,
  direction: DocumentDirection,
  q: ListDocumentsQuery,
): Promise<{ documents: DocumentView[]; nextCursor: string | null }> {
  const where: Prisma.InvoiceWhereInput = {
    direction,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.contactId ? { contactId: q.contactId } : {}),
    ...(q.from || q.to ? { date: { ...(q.from ? { gte: toDbDate(q.from) } : {}), ...(q.to ? { lte: toDbDate(q.to) } : {}) } } : {}),
    ...(q.overdue === "true"
      ? { kind: "INVOICE" as const, status: { in: ["ISSUED" as const, "PARTIALLY_PAID" as const] }, dueDate: { lt: toDbDate(todayUtc()) } }
      : {}),
    ...(q.q
      ? {
          OR: [
            { number: { contains: q.q, mode: "insensitive" as const } },
            { reference: { contains: q.q, mode: "insensitive" as const } },
            { vendorReference: { contains: q.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const rows = await ctx.db.invoice.findMany({
    where,
    select: documentSelect,
    orderBy: [{ date: "desc" }, { createdAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { documents: page.map(toDocumentView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
