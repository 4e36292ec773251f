import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { assertStatus, lockEntry } from "./lock-entry";

/**
 * Deletes a DRAFT with its lines. POSTED and VOID entries are never deleted (409): void or
 * reverse them instead. The audit entry keeps the number and description, the only trace left.
 */
export async function deleteEntry(ctx: TenantContext, entryId: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const locked = await lockEntry(tx, entryId, "update");
    assertStatus(locked, "DRAFT", "deleted");
    const lines = await tx.journalLine.count({ where: { entryId } });
    await tx.journalEntry.delete({ where: { id: entryId } });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "journal.deleted",
      targetType: "journal_entry",
      targetId: entryId,
      metadata: { number: locked.number, description: locked.description, date: locked.date, lines },
    });
  });
}
