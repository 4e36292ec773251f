import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { isUniqueViolation } from "../../db/errors";
import { assertActiveAccounts } from "./active-accounts";
import { actingUserId, auditActor } from "../core/actor";
import { toDbDate, todayUtc } from "./dates";
import { withLedgerGuards } from "./db-errors";
import type { JournalEntryView, ReverseEntryRequest } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";
import { LINE_ORDER } from "./line-rows";
import { assertNotFromDocument, assertStatus, lockEntry, type LedgerTx, type LockedEntry } from "./lock-entry";

const ALREADY_REVERSED = "This entry has already been reversed; an entry is reversed once.";

/**
 * Reverses a POSTED entry: a new POSTED entry with every line's debit and credit swapped,
 * linked by "reversalOfId". Refused with 409 for a DRAFT or VOID entry, an entry already
 * reversed, and a reversal (reversing it would only restate the original: post that again
 * instead). The date defaults to today (UTC), or the original's date when that is later, and
 * may not precede the original's date (422).
 */
export async function reverseEntry(ctx: TenantContext, entryId: string, input: ReverseEntryRequest): Promise<JournalEntryView> {
  try {
    return await withLedgerGuards(() =>
      ctx.db.$transaction(async (tx) => {
        // A share lock: a concurrent void waits for us (and then refuses); concurrent reversals
        // go on side by side, and the unique index lets exactly one of them commit.
        const original = await lockEntry(tx, entryId, "share");
        await assertReversible(tx, original);
        const date = input.date ?? (todayUtc() > original.date ? todayUtc() : original.date);
        if (date < original.date) {
          throw new AppError("validation_failed", `A reversal cannot be dated before the entry it reverses (${original.date}).`, {
            fields: [{ path: "date", message: `must be on or after ${original.date}` }],
          });
        }
        const lines = await tx.journalLine.findMany({
          where: { entryId },
          select: { accountId: true, debit: true, credit: true, memo: true, position: true },
          orderBy: LINE_ORDER,
        });
        await assertActiveAccounts(
          tx,
          lines.map((l) => l.accountId),
        );
        const reversal = await tx.journalEntry.create({
          data: {
            date: toDbDate(date),
            description: input.description ?? `Reversal of #${original.number}: ${original.description}`,
            reference: original.reference,
            status: "POSTED",
            postedAt: new Date(),
            createdById: actingUserId(ctx),
            reversalOfId: entryId,
            lines: { create: lines.map((l, i) => ({ accountId: l.accountId, debit: l.credit, credit: l.debit, memo: l.memo, position: i + 1 })) },
          },
          select: entrySelect,
        });
        await appendTenantAudit(tx, {
          ...auditActor(ctx),
          action: "journal.reversed",
          targetType: "journal_entry",
          targetId: entryId,
          metadata: { number: original.number, reversalId: reversal.id, reversalNumber: reversal.number, date },
        });
        return toEntryView(reversal);
      }),
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", ALREADY_REVERSED);
    throw err;
  }
}

async function assertReversible(tx: LedgerTx, original: LockedEntry): Promise<void> {
  assertStatus(original, "POSTED", "reversed");
  assertNotFromDocument(original, "reversed");
  if (original.reversalOfId)
    throw new AppError("conflict", "A reversal cannot be reversed: that would only restate the original entry. Post a new entry instead.");
  // A reversal committed before our lock is seen here; one racing with us meets the unique index.
  if (await tx.journalEntry.findUnique({ where: { reversalOfId: original.id }, select: { id: true } })) throw new AppError("conflict", ALREADY_REVERSED);
}
