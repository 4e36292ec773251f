import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { labelOf } from "../documents/labels";
import { lockDocuments } from "../documents/lock";
import { settledStatus } from "../documents/status";
import { money } from "../ledger/money";
import { voidInTransaction } from "../ledger/post-in-transaction";
import type { PaymentView } from "./payments.types";
import { SIDE } from "./record-payment";
import { paymentSelect, toPaymentView } from "./view";

/**
 * POSTED → VOID (a payment recorded by mistake or bounced): its entry is voided, its allocations stop counting
 * and each document's paid amount and state go back, in one transaction. Already VOID → 409; unknown id → 404.
 */
export async function voidPayment(ctx: TenantContext, id: string): Promise<PaymentView> {
  return ctx.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS "status" FROM "Payment" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new AppError("not_found", "No such payment.");
    if (rows[0]!.status !== "POSTED") throw new AppError("conflict", "The payment is void already.");
    const p = await tx.payment.findUniqueOrThrow({ where: { id }, select: { ...paymentSelect, direction: true } });
    const side = SIDE[p.direction];
    const docs = p.allocations.length
      ? await lockDocuments(
          tx,
          side,
          p.allocations.map((a) => a.invoiceId),
        )
      : new Map();
    const noun = labelOf(side, "INVOICE").noun;
    for (const a of p.allocations) {
      const d = docs.get(a.invoiceId)!;
      const paid = money(d.amountPaid).minus(a.amount);
      // A VOID invoice (credited in full) keeps its state; the others follow their amounts.
      const status = d.status === "VOID" ? "VOID" : settledStatus(d.total, paid.toString(), d.amountCredited);
      await tx.invoice.update({ where: { id: d.id }, data: { amountPaid: paid, status } });
      if (status !== d.status)
        await appendTenantAudit(tx, {
          ...auditActor(ctx),
          action: `${noun}.status_changed`,
          targetType: noun,
          targetId: d.id,
          metadata: { number: d.number, from: d.status, to: status, by: `void ${p.number}` },
        });
    }
    await voidInTransaction(ctx, tx, p.journalEntryId, "payments.payment");
    const voided = await tx.payment.update({ where: { id }, data: { status: "VOID", voidedAt: new Date() }, select: paymentSelect });
    await appendTenantAudit(tx, { ...auditActor(ctx), action: "payment.voided", targetType: "payment", targetId: id, metadata: { number: p.number } });
    return toPaymentView(voided);
  });
}
