import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { assertActiveAccounts } from "./active-accounts";
import { auditActor } from "../core/actor";
import { toDbDate } from "./dates";
import type { JournalEntryView, UpdateEntryRequest } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";
import { withLedgerGuards } from "./db-errors";
import { assertStatus, lockEntry } from "./lock-entry";
import { postLockedDraft } from "./post-entry";
import { lineRows } from "./line-rows";

/**
 * Edits a DRAFT (another status → 409; unknown id → 404): the fields sent change, `lines`
 * replaces every line (validated like a new entry's). A draft may stay unbalanced; posting
 * checks the balance. An empty edit changes nothing and is not audited. With `post: true`
 * the edited draft is posted in the same transaction: if it cannot be posted (unbalanced,
 * inactive account → 422) nothing is saved, so "edit and post" never half-happens.
 */
export async function updateEntry(ctx: TenantContext, entryId: string, input: UpdateEntryRequest): Promise<JournalEntryView> {
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      const locked = await lockEntry(tx, entryId, "update");
      assertStatus(locked, "DRAFT", input.post ? "posted" : "edited");
      const changed = (["date", "description", "reference", "lines"] as const).filter((k) => input[k] !== undefined);
      if (changed.length > 0) {
        if (input.lines) {
          await assertActiveAccounts(
            tx,
            input.lines.map((l) => l.accountId),
          );
          await tx.journalLine.deleteMany({ where: { entryId } });
          await tx.journalLine.createMany({ data: lineRows(input.lines).map((l) => ({ ...l, entryId })) });
        }
        const entry = await tx.journalEntry.update({
          where: { id: entryId },
          data: { date: input.date ? toDbDate(input.date) : undefined, description: input.description, reference: input.reference },
          select: { number: true },
        });
        await appendTenantAudit(tx, {
          ...auditActor(ctx),
          action: "journal.updated",
          targetType: "journal_entry",
          targetId: entryId,
          metadata: { number: entry.number, changed },
        });
      }
      if (input.post) return postLockedDraft(ctx, tx, entryId);
      return toEntryView(await tx.journalEntry.findUniqueOrThrow({ where: { id: entryId }, select: entrySelect }));
    }),
  );
}
