import type { DocumentDirection } from "../../generated/client/enums.ts";
import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { withLedgerGuards } from "../ledger/db-errors";
import type { LedgerTx } from "../ledger/lock-entry";
import { Decimal, money, ZERO } from "../ledger/money";
import { postInTransaction, type PostingLine } from "../ledger/post-in-transaction";
import type { DocumentView } from "./documents.types";
import { labelOf } from "./labels";
import { lockDocument, lockDocuments, type LockedDocument } from "./lock";
import { nextNumber } from "./sequence";
import { controlAccountFor } from "./settings";
import { settledStatus } from "./status";
import { documentSelect, toDocumentView } from "./view";

/** DRAFT → ISSUED: number, ledger entry and (for a credit note) its application, in one transaction. */
export async function issueDocument(ctx: TenantContext, direction: DocumentDirection, id: string): Promise<DocumentView> {
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      await issueLockedTx(ctx, tx, direction, await lockDocument(tx, direction, id));
      return toDocumentView(await tx.invoice.findUniqueOrThrow({ where: { id }, select: documentSelect }));
    }),
  );
}

/**
 * Issues a DRAFT the caller has locked (409 for another status; a zero total → 422):
 *  1. its number from the (kind, year) counter, locked until commit (gap-free, concurrent-safe);
 *  2. one POSTED entry: a sales invoice debits the receivable with the total and credits each line's income
 *     account with its net and each tax's account with its tax; a credit note the other way round; bills mirror
 *     invoices (payable credited, expenses and recoverable tax debited);
 *  3. a credit note goes to its invoice, up to what the invoice still owes; the rest is the contact's credit.
 */
export async function issueLockedTx(ctx: TenantContext, tx: LedgerTx, direction: DocumentDirection, doc: LockedDocument): Promise<void> {
  const label = labelOf(direction, doc.kind);
  if (doc.status !== "DRAFT") throw new AppError("conflict", `Only a draft can be issued; this ${label.title.toLowerCase()} is ${doc.status}.`);
  if (!money(doc.total).gt(0)) throw new AppError("validation_failed", "A document with a zero total cannot be issued.");
  let invoice: LockedDocument | undefined;
  if (doc.creditOfId) {
    invoice = (await lockDocuments(tx, direction, [doc.creditOfId])).get(doc.creditOfId)!;
    if (invoice.status === "DRAFT" || invoice.status === "VOID") throw new AppError("conflict", `The credited invoice is ${invoice.status}.`);
    if (doc.date < invoice.date)
      throw new AppError("validation_failed", `A credit note cannot be dated before its invoice (${invoice.date}).`, {
        fields: [{ path: "date", message: `must be on or after ${invoice.date}` }],
      });
  }
  const control = await controlAccountFor(tx, direction);
  const number = await nextNumber(tx, label.prefix, Number(doc.date.slice(0, 4)));
  const full = await tx.invoice.findUniqueOrThrow({
    where: { id: doc.id },
    select: { contact: { select: { name: true } }, lines: { select: { accountId: true, net: true, taxAmount: true, tax: { select: { accountId: true } } } } },
  });
  // Which side each account is on: an invoice raises the control account (receivable: debit; payable: credit).
  const raisesDebit = (direction === "SALE") === (doc.kind === "INVOICE");
  const side = (amount: Decimal, controlSide: boolean): Pick<PostingLine, "debit" | "credit"> =>
    controlSide === raisesDebit ? { debit: amount } : { credit: amount };
  const byAccount = new Map<string, Decimal>();
  const add = (accountId: string, amount: Decimal) => byAccount.set(accountId, (byAccount.get(accountId) ?? ZERO).plus(amount));
  for (const l of full.lines) {
    add(l.accountId, money(l.net));
    if (l.tax && !money(l.taxAmount).isZero()) add(l.tax.accountId, money(l.taxAmount));
  }
  const entry = await postInTransaction(ctx, tx, {
    date: doc.date,
    description: `${label.title} ${number} — ${full.contact.name}`,
    reference: number,
    source: label.source,
    lines: [
      { accountId: control, ...side(money(doc.total), true), memo: number },
      ...[...byAccount].map(([accountId, amount]) => ({ accountId, ...side(amount, false) })),
    ],
  });
  let applied = ZERO;
  if (invoice) {
    const owed = money(invoice.total).minus(invoice.amountPaid).minus(invoice.amountCredited);
    applied = Decimal.min(owed, money(doc.total));
    const credited = money(invoice.amountCredited).plus(applied);
    const status = settledStatus(invoice.total, invoice.amountPaid, credited.toString());
    await tx.invoice.update({ where: { id: invoice.id }, data: { amountCredited: credited, status } });
    if (status !== invoice.status)
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: `${labelOf(direction, "INVOICE").noun}.status_changed`,
        targetType: labelOf(direction, "INVOICE").noun,
        targetId: invoice.id,
        metadata: { number: invoice.number, from: invoice.status, to: status, by: number },
      });
  }
  await tx.invoice.update({
    where: { id: doc.id },
    data: { status: "ISSUED", number, journalEntryId: entry.id, controlAccountId: control, issuedAt: new Date(), amountApplied: applied },
  });
  await appendTenantAudit(tx, {
    ...auditActor(ctx),
    action: `${label.noun}.issued`,
    targetType: label.noun,
    targetId: doc.id,
    metadata: { number, total: doc.total, entryNumber: entry.number, ...(invoice ? { creditOf: invoice.number, applied: applied.toFixed(4) } : {}) },
  });
}
