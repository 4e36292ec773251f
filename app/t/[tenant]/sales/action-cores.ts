// Cores of the sales pages' server actions (lib/api/action.ts); actions.ts exports the thin "use server" wrappers.
// Each delegates to the sales service the API routes use, with the route's permission and input schema.
import { defineAction } from "@/lib/api/action";
import { ZCreateDocumentRequest, ZCreditNoteRequest, ZDocumentId } from "@/lib/modules/documents/documents.types";
import { createInvoice } from "@/lib/modules/sales/create-invoice";
import { creditInvoice } from "@/lib/modules/sales/credit-invoice";
import { deleteInvoice } from "@/lib/modules/sales/delete-invoice";
import { issueInvoice } from "@/lib/modules/sales/issue-invoice";

export const createInvoiceCore = defineAction({ auth: "client-user", permission: "sales:invoices:write", input: ZCreateDocumentRequest }, ({ ctx, input }) =>
  createInvoice(ctx, input),
);

export const issueInvoiceCore = defineAction({ auth: "client-user", permission: "sales:invoices:issue", input: ZDocumentId }, ({ ctx, input }) =>
  issueInvoice(ctx, input.id),
);

/** Answers the deleted draft's id (the service returns nothing). */
export const deleteInvoiceCore = defineAction({ auth: "client-user", permission: "sales:invoices:write", input: ZDocumentId }, async ({ ctx, input }) => {
  await deleteInvoice(ctx, input.id);
  return { id: input.id };
});

/** The route's body (`POST /api/client/sales/invoices/:id/credit-note`) with the invoice's id beside it. */
export const creditInvoiceCore = defineAction(
  { auth: "client-user", permission: "sales:invoices:issue", input: ZDocumentId.extend(ZCreditNoteRequest.shape) },
  ({ ctx, input: { id, ...note } }) => creditInvoice(ctx, id, note),
);
