import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { assertActiveAccounts } from "./active-accounts";
import { actingUserId, auditActor } from "../core/actor";
import { assertBalanced } from "./balance";
import { toDbDate } from "./dates";
import { withLedgerGuards } from "./db-errors";
import type { CreateEntryRequest, JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";
import { lineRows } from "./line-rows";
import { formatMoney, sum } from "./money";

/**
 * Records a journal entry with its lines in one transaction: a DRAFT, or POSTED at once
 * when `post` is set (then debits must equal credits: checked here, and by the database's
 * deferred trigger at commit). Unknown or inactive accounts → 422.
 */
export async function createEntry(ctx: TenantContext, input: CreateEntryRequest): Promise<JournalEntryView> {
  const lines = lineRows(input.lines);
  if (input.post) assertBalanced(lines);
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      await assertActiveAccounts(
        tx,
        lines.map((l) => l.accountId),
      );
      const entry = await tx.journalEntry.create({
        data: {
          date: toDbDate(input.date),
          description: input.description,
          reference: input.reference ?? null,
          status: input.post ? "POSTED" : "DRAFT",
          postedAt: input.post ? new Date() : null,
          createdById: actingUserId(ctx),
          lines: { create: lines },
        },
        select: entrySelect,
      });
      const total = formatMoney(sum(lines.map((l) => l.debit)));
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: input.post ? "journal.created_posted" : "journal.created",
        targetType: "journal_entry",
        targetId: entry.id,
        metadata: { number: entry.number, date: input.date, debit: total, lines: lines.length },
      });
      return toEntryView(entry);
    }),
  );
}
