import type { Prisma } from "../../generated/client/client.ts";
import type { TenantContext } from "../../tenancy/types";
import { toDbDate } from "./dates";
import type { JournalEntryView, ListEntriesQuery } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";

/**
 * Journal entries, newest first (date, then number), each with its lines and totals.
 * Cursor pagination: pass the previous page's `nextCursor` (an entry id) as `cursor`.
 */
export async function listEntries(ctx: TenantContext, q: ListEntriesQuery): Promise<{ entries: JournalEntryView[]; nextCursor: string | null }> {
  const where: Prisma.JournalEntryWhereInput = {
    ...(q.from || q.to ? { date: { ...(q.from ? { gte: toDbDate(q.from) } : {}), ...(q.to ? { lte: toDbDate(q.to) } : {}) } } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.accountId ? { lines: { some: { accountId: q.accountId } } } : {}),
  };
  const rows = await ctx.db.journalEntry.findMany({
    where,
    select: entrySelect,
    orderBy: [{ date: "desc" }, { number: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { entries: page.map(toEntryView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
