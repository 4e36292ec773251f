import type { DocumentDirection } from "../../generated/client/enums.ts";
import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { actingUserId, auditActor } from "../core/actor";
import { toDbDate } from "../ledger/dates";
import type { LedgerTx } from "../ledger/lock-entry";
import { formatMoney } from "../ledger/money";
import type { CreateDocumentRequest, DocumentView } from "./documents.types";
import { labelOf } from "./labels";
import { dueDateOf, loadParty, resolveLines } from "./resolve-lines";
import { documentSelect, toDocumentView } from "./view";

/** Records a DRAFT invoice, credit note or bill with its lines and exact totals. */
export async function createDocument(ctx: TenantContext, direction: DocumentDirection, input: CreateDocumentRequest): Promise<DocumentView> {
  return ctx.db.$transaction(async (tx) => toDocumentView(await createDraftTx(ctx, tx, direction, input)));
}

export async function createDraftTx(ctx: TenantContext, tx: LedgerTx, direction: DocumentDirection, input: CreateDocumentRequest) {
  const contact = await loadParty(tx, direction, input.contactId);
  if (input.creditOfId && input.kind !== "CREDIT_NOTE")
    throw new AppError("validation_failed", "Only a credit note credits an invoice.", {
      fields: [{ path: "creditOfId", message: "only for kind CREDIT_NOTE" }],
    });
  if (input.creditOfId) await assertCreditable(tx, direction, input.creditOfId, input.contactId);
  const { rows, totals } = await resolveLines(tx, direction, contact, input.lines);
  const doc = await tx.invoice.create({
    data: {
      direction,
      kind: input.kind,
      contactId: contact.id,
      date: toDbDate(input.date),
      dueDate: dueDateOf(input.date, input.dueDate, contact),
      reference: input.reference || null,
      vendorReference: direction === "PURCHASE" ? input.vendorReference || null : null,
      notes: input.notes || null,
      creditOfId: input.creditOfId ?? null,
      subtotal: totals.net,
      taxTotal: totals.tax,
      total: totals.total,
      createdById: actingUserId(ctx),
      lines: { create: rows },
    },
    select: documentSelect,
  });
  const label = labelOf(direction, input.kind);
  await appendTenantAudit(tx, {
    ...auditActor(ctx),
    action: `${label.noun}.created`,
    targetType: label.noun,
    targetId: doc.id,
    metadata: { contactId: contact.id, date: input.date, total: formatMoney(totals.total), lines: rows.length },
  });
  return doc;
}

/** A credit note's invoice: an issued, not voided INVOICE of the same contact and direction (422). */
export async function assertCreditable(tx: LedgerTx, direction: DocumentDirection, invoiceId: string, contactId: string): Promise<void> {
  const inv = await tx.invoice.findUnique({ where: { id: invoiceId }, select: { direction: true, kind: true, status: true, contactId: true } });
  const problem =
    !inv || inv.direction !== direction || inv.kind !== "INVOICE"
      ? "no such invoice"
      : inv.contactId !== contactId
        ? "the invoice is another contact's"
        : inv.status === "DRAFT" || inv.status === "VOID"
          ? `the invoice is ${inv.status}`
          : null;
  if (problem) throw new AppError("validation_failed", "The credited invoice is not usable.", { fields: [{ path: "creditOfId", message: problem }] });
}
