import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { actingUserId, auditActor } from "../core/actor";
import { assertActiveAccounts } from "./active-accounts";
import { assertBalanced } from "./balance";
import { toDbDate } from "./dates";
import type { LedgerTx } from "./lock-entry";
import { formatMoney, sum, ZERO, type Decimal } from "./money";

// How other modules post to the book of record: one POSTED entry written inside the caller's
// transaction (the document and its entry commit together or not at all), checked as createEntry
// checks (balanced, active accounts; the deferred trigger checks again at COMMIT), audited as
// journal.created_posted with its source, and marked with `source` so the ledger's void and reverse
// refuse it (it is corrected through its document).

export interface PostingLine {
  accountId: string;
  debit?: Decimal;
  credit?: Decimal;
  memo?: string | null;
}

export interface Posting {
  date: string;
  description: string;
  reference?: string | null;
  /** e.g. "sales.invoice", "payments.payment". */
  source: string;
  lines: readonly PostingLine[];
}

/** Writes and posts the entry; zero lines are dropped. Returns its id and number. */
export async function postInTransaction(ctx: TenantContext, tx: LedgerTx, p: Posting): Promise<{ id: string; number: number }> {
  const lines = p.lines
    .map((l) => ({ accountId: l.accountId, debit: l.debit ?? ZERO, credit: l.credit ?? ZERO, memo: l.memo ?? null }))
    .filter((l) => !l.debit.isZero() || !l.credit.isZero())
    .map((l, i) => ({ ...l, position: i + 1 }));
  assertBalanced(lines);
  await assertActiveAccounts(
    tx,
    lines.map((l) => l.accountId),
  );
  const entry = await tx.journalEntry.create({
    data: {
      date: toDbDate(p.date),
      description: p.description,
      reference: p.reference ?? null,
      status: "POSTED",
      postedAt: new Date(),
      createdById: actingUserId(ctx),
      source: p.source,
      lines: { create: lines },
    },
    select: { id: true, number: true },
  });
  await appendTenantAudit(tx, {
    ...auditActor(ctx),
    action: "journal.created_posted",
    targetType: "journal_entry",
    targetId: entry.id,
    metadata: { number: entry.number, date: p.date, debit: formatMoney(sum(lines.map((l) => l.debit))), lines: lines.length, source: p.source },
  });
  return entry;
}

/** POSTED → VOID for an entry a document posted, inside the document's transaction (voiding a payment). */
export async function voidInTransaction(ctx: TenantContext, tx: LedgerTx, entryId: string, source: string): Promise<void> {
  const entry = await tx.journalEntry.update({ where: { id: entryId }, data: { status: "VOID" }, select: { number: true } });
  await appendTenantAudit(tx, {
    ...auditActor(ctx),
    action: "journal.voided",
    targetType: "journal_entry",
    targetId: entryId,
    metadata: { number: entry.number, source },
  });
}
