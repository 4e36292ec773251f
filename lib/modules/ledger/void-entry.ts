import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import type { JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";
import { assertNotFromDocument, assertStatus, lockEntry } from "./lock-entry";

/**
 * POSTED → VOID: the entry and its lines stay (posted entries are never deleted) but no longer count in reports.
 * An entry linked by a reversal (the original or the reversal) cannot be voided (409): voiding one side would
 * leave the other counting alone.
 */
export async function voidEntry(ctx: TenantContext, entryId: string): Promise<JournalEntryView> {
  return ctx.db.$transaction(async (tx) => {
    const locked = await lockEntry(tx, entryId, "update");
    assertStatus(locked, "POSTED", "voided");
    assertNotFromDocument(locked, "voided");
    if (locked.reversalOfId) throw new AppError("conflict", "A reversal cannot be voided: it would bring back the entry it reverses.");
    // Read after the lock: a reversal that held its share lock has committed by now.
    if (await tx.journalEntry.findUnique({ where: { reversalOfId: entryId }, select: { id: true } }))
      throw new AppError("conflict", "A reversed entry cannot be voided: its reversal would then count alone.");
    const entry = await tx.journalEntry.update({ where: { id: entryId }, data: { status: "VOID" }, select: entrySelect });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "journal.voided",
      targetType: "journal_entry",
      targetId: entryId,
      metadata: { number: entry.number },
    });
    return toEntryView(entry);
  });
}
