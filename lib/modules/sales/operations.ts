import { created, defineOperation, type Operation } from "../../http/operation";
import { ZCreateDocumentRequest, ZCreditNoteRequest, ZDocumentId, ZListDocumentsQuery, ZUpdateDocumentRequest } from "../documents/documents.types";
import { ZControlAccountRequest } from "../documents/settings";
import { createInvoice } from "./create-invoice";
import { creditInvoice } from "./credit-invoice";
import { deleteInvoice } from "./delete-invoice";
import { getInvoice } from "./get-invoice";
import { issueInvoice } from "./issue-invoice";
import { listInvoices } from "./list-invoices";
import { getReceivableAccount, setReceivableAccount } from "./settings";
import { updateInvoice } from "./update-invoice";
import { receivablesAgeing } from "./receivables-ageing";
import { statementOf } from "./customer-statement";
import { ZAgeingQuery } from "../documents/ageing";
import { ZStatementQuery } from "../documents/statement";
import { ZContactId } from "../contacts/contacts.types";

// Sales: /api/client/sales/… (docs/receivables-payables.md).

const DOC =
  "{id, direction, kind, number, status, contactId, contactName, date, dueDate, reference, notes, creditOfId, controlAccountId, subtotal, taxTotal, total, amountPaid, amountCredited, amountApplied, balanceDue, journalEntryId, journalEntryNumber, issuedAt, createdAt, lines}";
const NO_DOC = "no such sales document in this tenant";
const LINES_422 =
  "the customer is unknown, inactive or not a customer; a line's product, tax or account is unknown or inactive, or its account is not REVENUE; a line without a product lacks a description or price";
const ACME = "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c";
const CONSULT = "8e7d6c5b-4a39-4281-9f0e-d1c2b3a4f5e6";

export const SALES_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/sales/invoices",
      operationId: "listInvoices",
      summary: "?kind&status&contactId&from&to&overdue&q&cursor&limit: sales invoices and credit notes, newest first (sales:invoices:read).",
      auth: "client-user",
      permission: "sales:invoices:read",
      query: ZListDocumentsQuery,
      success: { status: 200, description: `{documents: [${DOC}], nextCursor}.` },
    },
    async ({ ctx, query }) => listInvoices(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/sales/invoices",
      operationId: "createInvoice",
      summary:
        "{kind?, contactId, date, dueDate?, reference?, notes?, creditOfId?, lines: [{productId?, description?, quantity, unitPrice?, discountPercent?, taxId?, accountId?}]} → 201 a DRAFT (sales:invoices:write).",
      auth: "client-user",
      permission: "sales:invoices:write",
      body: ZCreateDocumentRequest,
      examples: {
        product: { contactId: ACME, date: "2026-03-02", lines: [{ productId: CONSULT, quantity: "7.5" }] },
        freeText: {
          contactId: ACME,
          date: "2026-03-02",
          dueDate: "2026-04-01",
          reference: "PO 4711",
          lines: [{ description: "Website redesign", quantity: "1", unitPrice: "2400.00", discountPercent: "10", taxId: null }],
        },
      },
      success: { status: 201, description: `The draft: ${DOC}.` },
      problems: { 422: LINES_422 },
    },
    async ({ ctx, body }) => created(await createInvoice(ctx, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/sales/invoices/{id}",
      operationId: "getInvoice",
      summary: "one sales invoice or credit note with its lines (sales:invoices:read). Another tenant's id → 404.",
      auth: "client-user",
      permission: "sales:invoices:read",
      params: ZDocumentId,
      success: { status: 200, description: DOC },
      problems: { 404: NO_DOC },
    },
    async ({ ctx, params }) => getInvoice(ctx, params.id),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/sales/invoices/{id}",
      operationId: "updateInvoice",
      summary: "{contactId?, date?, dueDate?, reference?, notes?, lines?} edits a DRAFT (lines replace all lines); issued → 409 (sales:invoices:write).",
      auth: "client-user",
      permission: "sales:invoices:write",
      params: ZDocumentId,
      body: ZUpdateDocumentRequest,
      examples: { due: { dueDate: "2026-04-15" }, lines: { lines: [{ productId: CONSULT, quantity: "8" }] } },
      success: { status: 200, description: DOC },
      problems: { 404: NO_DOC, 409: "the document is not a DRAFT", 422: LINES_422 },
    },
    async ({ ctx, params, body }) => updateInvoice(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "DELETE",
      path: "/api/client/sales/invoices/{id}",
      operationId: "deleteInvoice",
      summary: "deletes a DRAFT → 204; issued → 409: credit it instead (sales:invoices:write).",
      auth: "client-user",
      permission: "sales:invoices:write",
      params: ZDocumentId,
      success: { status: 204, description: "Deleted with its lines." },
      problems: { 404: NO_DOC, 409: "the document is not a DRAFT" },
    },
    async ({ ctx, params }) => {
      await deleteInvoice(ctx, params.id);
      return new Response(null, { status: 204 });
    },
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/sales/invoices/{id}/issue",
      operationId: "issueInvoice",
      summary:
        "DRAFT → ISSUED: the next INV-<year>-<n> (CRN- for a credit note), and one POSTED ledger entry (receivable debit, income and tax credits) in the same transaction (sales:invoices:issue).",
      auth: "client-user",
      permission: "sales:invoices:issue",
      params: ZDocumentId,
      success: { status: 200, description: `The issued document: ${DOC}.` },
      problems: {
        404: NO_DOC,
        409: "the document is not a DRAFT; the credited invoice is not issued",
        422: "a zero total; no receivable account chosen; an account or tax became inactive",
      },
    },
    async ({ ctx, params }) => issueInvoice(ctx, params.id),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/sales/invoices/{id}/credit-note",
      operationId: "creditInvoice",
      summary:
        "{date?, reference?, notes?, lines?} → 201 an ISSUED credit note for all (no lines) or part of an issued invoice; crediting all that is owed voids the invoice (sales:invoices:issue).",
      auth: "client-user",
      permission: "sales:invoices:issue",
      params: ZDocumentId,
      body: ZCreditNoteRequest,
      examples: { all: {}, part: { date: "2026-03-20", lines: [{ description: "Goodwill", quantity: "1", unitPrice: "50.00", taxId: null }] } },
      success: { status: 201, description: `The credit note: ${DOC}.` },
      problems: { 404: NO_DOC, 409: "the document is a credit note, a draft or void", 422: LINES_422 },
    },
    async ({ ctx, params, body }) => created(await creditInvoice(ctx, params.id, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/sales/settings",
      operationId: "getSalesSettings",
      summary: "the receivable account sales documents post to (sales:invoices:read).",
      auth: "client-user",
      permission: "sales:invoices:read",
      success: { status: 200, description: "{accountId}: null until one is chosen." },
    },
    async ({ ctx }) => getReceivableAccount(ctx),
  ),
  defineOperation(
    {
      method: "PUT",
      path: "/api/client/sales/settings",
      operationId: "setSalesSettings",
      summary: "{accountId}: the receivable account (an active ASSET account) issued sales documents post to (sales:settings:write).",
      auth: "client-user",
      permission: "sales:settings:write",
      body: ZControlAccountRequest,
      examples: { receivable: { accountId: "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d" } },
      success: { status: 200, description: "{accountId}." },
      problems: { 422: "the account is unknown, inactive or not an ASSET account" },
    },
    async ({ ctx, body }) => setReceivableAccount(ctx, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/sales/reports/ageing",
      operationId: "receivablesAgeing",
      summary:
        "?asOf=YYYY-MM-DD (default today, UTC): what each customer owes by age (current, 1–30, 31–60, 61–90, > 90 days past due; credits by their own date), with the receivable accounts' ledger balance beside it (sales:reports:read).",
      auth: "client-user",
      permission: "sales:reports:read",
      query: ZAgeingQuery,
      success: {
        status: 200,
        description:
          "{asOf, contacts: [{contactId, name, current, days1to30, days31to60, days61to90, over90, total}], totals, ledgerBalance, reconciled}; amounts are decimal strings.",
      },
    },
    async ({ ctx, query }) => receivablesAgeing(ctx, query),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/sales/customers/{id}/statement",
      operationId: "customerStatement",
      summary:
        "?from&to (default: the month of to, to = today): opening balance, invoices, credit notes and payments with the running balance, closing balance, open invoices (sales:reports:read). Not a customer → 404.",
      auth: "client-user",
      permission: "sales:reports:read",
      params: ZContactId,
      query: ZStatementQuery,
      success: {
        status: 200,
        description:
          "{contactId, name, billingAddress, from, to, openingBalance, lines: [{date, type, id, number, dueDate, amount, balance}], closingBalance, open}.",
      },
      problems: { 404: "no such customer in this tenant", 422: "from is after to" },
    },
    async ({ ctx, params, query }) => statementOf(ctx, params.id, query),
  ),
];
