import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import type { JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";

/** One journal entry with its lines and totals; an id not in this tenant → 404. */
export async function getEntry(ctx: TenantContext, entryId: string): Promise<JournalEntryView> {
  const entry = await ctx.db.journalEntry.findUnique({ where: { id: entryId }, select: entrySelect });
  if (!entry) throw new AppError("not_found", "No such journal entry.");
  return toEntryView(entry);
}
