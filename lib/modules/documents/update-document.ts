import type { DocumentDirection } from "../../generated/client/enums.ts";
import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { fromDbDate, toDbDate } from "../ledger/dates";
import { formatMoney } from "../ledger/money";
import type { DocumentView, UpdateDocumentRequest } from "./documents.types";
import { labelOf } from "./labels";
import { lockDocument } from "./lock";
import { dueDateOf, loadParty, resolveLines } from "./resolve-lines";
import { documentSelect, toDocumentView } from "./view";

/**
 * Edits a DRAFT (409 otherwise): the fields sent change, `lines` replaces every line, totals are computed
 * again; the due date follows date + terms unless one is given. An empty body changes nothing (not audited).
 */
export async function updateDocument(ctx: TenantContext, direction: DocumentDirection, id: string, input: UpdateDocumentRequest): Promise<DocumentView> {
  return ctx.db.$transaction(async (tx) => {
    const locked = await lockDocument(tx, direction, id);
    const changed = (Object.keys(input) as (keyof UpdateDocumentRequest)[]).filter((k) => input[k] !== undefined);
    if (changed.length === 0) return toDocumentView(await tx.invoice.findUniqueOrThrow({ where: { id }, select: documentSelect }));
    const label = labelOf(direction, locked.kind);
    if (locked.status !== "DRAFT")
      throw new AppError("conflict", `Only a draft can be edited; ${locked.number} is ${locked.status} (issue a credit note instead).`);
    const current = await tx.invoice.findUniqueOrThrow({ where: { id }, select: { ...documentSelect, dueDate: true } });
    const contact = await loadParty(tx, direction, input.contactId ?? current.contactId);
    const date = input.date ?? fromDbDate(current.date);
    const lines =
      input.lines ??
      current.lines.map((l) => ({
        productId: l.productId ?? undefined,
        description: l.description,
        quantity: l.quantity.toString(),
        unitPrice: l.unitPrice.toString(),
        discountPercent: l.discountPercent.toString(),
        taxId: l.taxId,
        accountId: l.accountId,
      }));
    const { rows, totals } = await resolveLines(tx, direction, contact, lines);
    const keepDue = input.dueDate === undefined && !input.date && !input.contactId;
    const text = (v: string | null | undefined) => (v === undefined ? undefined : v || null);
    await tx.invoiceLine.deleteMany({ where: { invoiceId: id } });
    const doc = await tx.invoice.update({
      where: { id },
      data: {
        contactId: contact.id,
        date: toDbDate(date),
        dueDate: keepDue ? current.dueDate : dueDateOf(date, input.dueDate, contact),
        reference: text(input.reference),
        vendorReference: direction === "PURCHASE" ? text(input.vendorReference) : undefined,
        notes: text(input.notes),
        subtotal: totals.net,
        taxTotal: totals.tax,
        total: totals.total,
        lines: { create: rows },
      },
      select: documentSelect,
    });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: `${label.noun}.updated`,
      targetType: label.noun,
      targetId: id,
      metadata: { changed, total: formatMoney(totals.total) },
    });
    return toDocumentView(doc);
  });
}
