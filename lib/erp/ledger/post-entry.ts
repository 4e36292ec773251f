import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { assertActiveAccounts } from "./active-accounts";
import { auditActor } from "./actor";
import { assertBalanced } from "./balance";
import { withLedgerGuards } from "./db-errors";
import type { JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";

/** DRAFT → POSTED. The entry must balance and name only active accounts (422); another status → 409; unknown id → 404. */
export async function postEntry(ctx: TenantContext, entryId: string): Promise<JournalEntryView> {
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      // Lock the row: a concurrent post or void waits, then sees the new status.
      const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "JournalEntry" WHERE "id" = ${entryId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("not_found", "No such journal entry.");
      if (locked[0]!.status !== "DRAFT") throw new AppError("conflict", `Only a DRAFT entry can be posted; this one is ${locked[0]!.status}.`);
      const lines = await tx.journalLine.findMany({ where: { entryId }, select: { accountId: true, debit: true, credit: true } });
      assertBalanced(lines);
      await assertActiveAccounts(tx, lines.map((l) => l.accountId));
      const entry = await tx.journalEntry.update({ where: { id: entryId }, data: { status: "POSTED", postedAt: new Date() }, select: entrySelect });
      await appendTenantAudit(tx, { ...auditActor(ctx), action: "journal.posted", targetType: "journal_entry", targetId: entryId, metadata: { number: entry.number } });
      return toEntryView(entry);
    }),
  );
}
