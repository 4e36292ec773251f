import type { DocumentDirection } from "../../generated/client/enums.ts";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { withLedgerGuards } from "../ledger/db-errors";
import { createDraftTx } from "./create-document";
import type { CreditNoteRequest, DocumentView } from "./documents.types";
import { issueLockedTx } from "./issue-document";
import { lockDocument } from "./lock";
import { documentSelect, toDocumentView } from "./view";

/**
 * Credits an issued invoice and issues the credit note at once: all of it (no lines: every line copied) or the
 * lines given. Dated today (UTC) by default, or the invoice's date when that is later. Crediting what is still
 * owed in full voids the invoice.
 */
export async function creditDocument(ctx: TenantContext, direction: DocumentDirection, invoiceId: string, input: CreditNoteRequest): Promise<DocumentView> {
  return withLedgerGuards(() =>
    ctx.db.$transaction(async (tx) => {
      const inv = await lockDocument(tx, direction, invoiceId);
      if (inv.kind !== "INVOICE") throw new AppError("conflict", "A credit note is credited by nothing: credit the invoice.");
      if (inv.status === "DRAFT" || inv.status === "VOID") throw new AppError("conflict", `Only an issued invoice can be credited; this one is ${inv.status}.`);
      const source = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId }, select: documentSelect });
      const today = new Date().toISOString().slice(0, 10);
      const date = input.date ?? (today > inv.date ? today : inv.date);
      const lines =
        input.lines ??
        source.lines.map((l) => ({
          productId: l.productId ?? undefined,
          description: l.description,
          quantity: l.quantity.toString(),
          unitPrice: l.unitPrice.toString(),
          discountPercent: l.discountPercent.toString(),
          taxId: l.taxId,
          accountId: l.accountId,
        }));
      const draft = await createDraftTx(ctx, tx, direction, {
        kind: "CREDIT_NOTE",
        contactId: inv.contactId,
        date,
        dueDate: date,
        reference: input.reference ?? inv.number ?? undefined,
        notes: input.notes,
        creditOfId: invoiceId,
        lines,
      });
      const locked = await lockDocument(tx, direction, draft.id);
      await issueLockedTx(ctx, tx, direction, locked);
      return toDocumentView(await tx.invoice.findUniqueOrThrow({ where: { id: draft.id }, select: documentSelect }));
    }),
  );
}
