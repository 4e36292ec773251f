import { appendTenantAudit } from "../../audit";
import { AppError, type ProblemField } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { assertAccounts } from "../catalogue/check-links";
import { actingUserId, auditActor } from "../core/actor";
import { labelOf } from "../documents/labels";
import { lockDocuments } from "../documents/lock";
import { loadParty } from "../documents/resolve-lines";
import { nextNumber } from "../documents/sequence";
import { controlAccountFor } from "../documents/settings";
import { settledStatus } from "../documents/status";
import { toDbDate } from "../ledger/dates";
import { withLedgerGuards } from "../ledger/db-errors";
import { money, sum } from "../ledger/money";
import { postInTransaction } from "../ledger/post-in-transaction";
import type { PaymentView, RecordPaymentRequest } from "./payments.types";
import { paymentSelect, toPaymentView } from "./view";

export const SIDE = { RECEIVED: "SALE", PAID: "PURCHASE" } as const;

/**
 * Records a payment and its allocations in one transaction: one POSTED entry (received: cash/bank debit,
 * receivable credit; paid: payable debit, cash/bank credit), each allocated invoice or bill locked FOR UPDATE,
 * its paid amount raised and its state moved (PARTIALLY_PAID / PAID). An allocation must name an open invoice
 * (bill) of the same contact dated on or before the payment and no more than it still owes; together they may
 * not exceed the amount (422). What is not allocated is the contact's credit.
 */
export async function recordPayment(ctx: TenantContext, input: RecordPaymentRequest): Promise<PaymentView> {
  const side = SIDE[input.direction];
  const allocated = sum(input.allocations.map((a) => money(a.amount)));
  if (allocated.gt(money(input.amount)))
    throw new AppError("validation_failed", "The allocations exceed the payment.", { fields: [{ path: "allocations", message: `more than ${input.amount}` }] });
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      const contact = await loadParty(tx, side, input.contactId);
      await assertAccounts(tx, [{ path: "accountId", id: input.accountId, types: ["ASSET"] }]);
      const control = await controlAccountFor(tx, side);
      if (control === input.accountId)
        throw new AppError("validation_failed", "The payment's account is the control account.", {
          fields: [{ path: "accountId", message: "choose a cash or bank account" }],
        });
      const docs = input.allocations.length
        ? await lockDocuments(
            tx,
            side,
            input.allocations.map((a) => a.documentId),
          ).catch(notFoundAsField)
        : new Map();
      const fields: ProblemField[] = [];
      input.allocations.forEach((a, i) => {
        const d = docs.get(a.documentId)!;
        const owed = money(d.total).minus(d.amountPaid).minus(d.amountCredited);
        const problem =
          d.kind !== "INVOICE"
            ? "not an invoice"
            : d.contactId !== contact.id
              ? "another contact's document"
              : d.status !== "ISSUED" && d.status !== "PARTIALLY_PAID"
                ? `the document is ${d.status}`
                : d.date > input.date
                  ? `dated after the payment (${d.date})`
                  : money(a.amount).gt(owed)
                    ? `more than the ${owed.toFixed(2)} still owed`
                    : null;
        if (problem) fields.push({ path: `allocations.${i}.documentId`, message: problem });
      });
      if (fields.length) throw new AppError("validation_failed", "Some allocations cannot be made.", { fields });

      const number = await nextNumber(tx, input.direction === "RECEIVED" ? "RCPT" : "PAY", Number(input.date.slice(0, 4)));
      const amount = money(input.amount);
      const entry = await postInTransaction(ctx, tx, {
        date: input.date,
        description: `${input.direction === "RECEIVED" ? "Payment from" : "Payment to"} ${contact.name} (${number})`,
        reference: input.reference ?? number,
        source: "payments.payment",
        lines:
          input.direction === "RECEIVED"
            ? [
                { accountId: input.accountId, debit: amount, memo: number },
                { accountId: control, credit: amount },
              ]
            : [
                { accountId: control, debit: amount, memo: number },
                { accountId: input.accountId, credit: amount },
              ],
      });
      const payment = await tx.payment.create({
        data: {
          direction: input.direction,
          number,
          contactId: contact.id,
          date: toDbDate(input.date),
          amount,
          accountId: input.accountId,
          controlAccountId: control,
          reference: input.reference || null,
          journalEntryId: entry.id,
          createdById: actingUserId(ctx),
          allocations: { create: input.allocations.map((a) => ({ invoiceId: a.documentId, amount: money(a.amount) })) },
        },
        select: paymentSelect,
      });
      const noun = labelOf(side, "INVOICE").noun;
      for (const a of input.allocations) {
        const d = docs.get(a.documentId)!;
        const paid = money(d.amountPaid).plus(a.amount);
        const status = settledStatus(d.total, paid.toString(), d.amountCredited);
        await tx.invoice.update({ where: { id: d.id }, data: { amountPaid: paid, status } });
        if (status !== d.status)
          await appendTenantAudit(tx, {
            ...auditActor(ctx),
            action: `${noun}.status_changed`,
            targetType: noun,
            targetId: d.id,
            metadata: { number: d.number, from: d.status, to: status, by: number },
          });
      }
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "payment.recorded",
        targetType: "payment",
        targetId: payment.id,
        metadata: { number, direction: input.direction, amount: amount.toFixed(4), allocations: input.allocations.length, entryNumber: entry.number },
      });
      return toPaymentView(payment);
    }),
  );
}

function notFoundAsField(err: unknown): never {
  if (err instanceof AppError && err.code === "not_found")
    throw new AppError("validation_failed", "An allocation names no such document.", { fields: [{ path: "allocations", message: "no such document" }] });
  throw err;
}
