import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { assertActiveAccounts } from "./active-accounts";
import { auditActor } from "../core/actor";
import { assertBalanced } from "./balance";
import { withLedgerGuards } from "./db-errors";
import type { JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";
import { assertStatus, lockEntry, type LedgerTx } from "./lock-entry";

/** DRAFT → POSTED. The entry must balance and name only active accounts (422); another status → 409; unknown id → 404. */
export async function postEntry(ctx: TenantContext, entryId: string): Promise<JournalEntryView> {
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      // Lock the row: a concurrent post, edit, delete or void waits, then sees the new status.
      assertStatus(await lockEntry(tx, entryId, "update"), "DRAFT", "posted");
      return postLockedDraft(ctx, tx, entryId);
    }),
  );
}

/** Posts a DRAFT the caller has locked in this transaction (postEntry, and updateEntry with `post`). */
export async function postLockedDraft(ctx: TenantContext, tx: LedgerTx, entryId: string): Promise<JournalEntryView> {
  const lines = await tx.journalLine.findMany({ where: { entryId }, select: { accountId: true, debit: true, credit: true } });
  assertBalanced(lines);
  await assertActiveAccounts(
    tx,
    lines.map((l) => l.accountId),
  );
  const entry = await tx.journalEntry.update({ where: { id: entryId }, data: { status: "POSTED", postedAt: new Date() }, select: entrySelect });
  await appendTenantAudit(tx, {
    ...auditActor(ctx),
    action: "journal.posted",
    targetType: "journal_entry",
    targetId: entryId,
    metadata: { number: entry.number },
  });
  return toEntryView(entry);
}
