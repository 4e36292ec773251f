import { created, defineOperation, type Operation } from "../../http/operation";
import { ZCreateDocumentRequest, ZCreditNoteRequest, ZDocumentId, ZListDocumentsQuery, ZUpdateDocumentRequest } from "../documents/documents.types";
import { ZControlAccountRequest } from "../documents/settings";
import { createBill } from "./create-bill";
import { creditBill } from "./credit-bill";
import { deleteBill } from "./delete-bill";
import { getBill } from "./get-bill";
import { issueBill } from "./issue-bill";
import { listBills } from "./list-bills";
import { getPayableAccount, setPayableAccount } from "./settings";
import { updateBill } from "./update-bill";
import { payablesAgeing } from "./payables-ageing";
import { ZAgeingQuery } from "../documents/ageing";

// Purchases: /api/client/purchases/… (docs/receivables-payables.md). The mirror image of sales.

const DOC =
  "{id, direction, kind, number, status, contactId, contactName, date, dueDate, reference, vendorReference, notes, creditOfId, controlAccountId, subtotal, taxTotal, total, amountPaid, amountCredited, amountApplied, balanceDue, journalEntryId, journalEntryNumber, issuedAt, createdAt, lines}";
const BILL = `${DOC.slice(0, -1)}, duplicates: [{id, number, date, status}]} (other bills of the vendor with the same vendorReference: a warning)`;
const NO_DOC = "no such purchase document in this tenant";
const LINES_422 =
  "the vendor is unknown, inactive or not a vendor; a line's product, tax or account is unknown or inactive, or its account is not EXPENSE or ASSET; a line without a product lacks a description or price";
const PAPER = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";

export const PURCHASE_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/purchases/bills",
      operationId: "listBills",
      summary: "?kind&status&contactId&from&to&overdue&q&cursor&limit: vendor bills and credit notes, newest first (purchases:bills:read).",
      auth: "client-user",
      permission: "purchases:bills:read",
      query: ZListDocumentsQuery,
      success: { status: 200, description: `{documents: [${DOC}], nextCursor}.` },
    },
    async ({ ctx, query }) => listBills(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/purchases/bills",
      operationId: "createBill",
      summary:
        "{kind?, contactId, date, dueDate?, vendorReference?, reference?, notes?, creditOfId?, lines} → 201 a DRAFT; `duplicates` warns of the vendor's other bills with the same vendorReference (purchases:bills:write).",
      auth: "client-user",
      permission: "purchases:bills:write",
      body: ZCreateDocumentRequest,
      examples: {
        bill: {
          contactId: PAPER,
          date: "2026-03-02",
          vendorReference: "F-2026-118",
          lines: [{ description: "Printer paper", quantity: "10", unitPrice: "4.50", taxId: null }],
        },
      },
      success: { status: 201, description: `The draft: ${BILL}.` },
      problems: { 422: LINES_422 },
    },
    async ({ ctx, body }) => created(await createBill(ctx, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/purchases/bills/{id}",
      operationId: "getBill",
      summary: "one bill or vendor credit note with its lines and duplicate warning (purchases:bills:read). Another tenant's id → 404.",
      auth: "client-user",
      permission: "purchases:bills:read",
      params: ZDocumentId,
      success: { status: 200, description: BILL },
      problems: { 404: NO_DOC },
    },
    async ({ ctx, params }) => getBill(ctx, params.id),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/purchases/bills/{id}",
      operationId: "updateBill",
      summary: "{contactId?, date?, dueDate?, vendorReference?, reference?, notes?, lines?} edits a DRAFT; issued → 409 (purchases:bills:write).",
      auth: "client-user",
      permission: "purchases:bills:write",
      params: ZDocumentId,
      body: ZUpdateDocumentRequest,
      examples: { reference: { vendorReference: "F-2026-119" } },
      success: { status: 200, description: BILL },
      problems: { 404: NO_DOC, 409: "the document is not a DRAFT", 422: LINES_422 },
    },
    async ({ ctx, params, body }) => updateBill(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "DELETE",
      path: "/api/client/purchases/bills/{id}",
      operationId: "deleteBill",
      summary: "deletes a DRAFT → 204; issued → 409 (purchases:bills:write).",
      auth: "client-user",
      permission: "purchases:bills:write",
      params: ZDocumentId,
      success: { status: 204, description: "Deleted with its lines." },
      problems: { 404: NO_DOC, 409: "the document is not a DRAFT" },
    },
    async ({ ctx, params }) => {
      await deleteBill(ctx, params.id);
      return new Response(null, { status: 204 });
    },
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/purchases/bills/{id}/issue",
      operationId: "issueBill",
      summary:
        "DRAFT → ISSUED: the next BILL-<year>-<n> (VCN- for a vendor credit note), and one POSTED ledger entry (payable credit, expense and recoverable tax debits) in the same transaction (purchases:bills:issue).",
      auth: "client-user",
      permission: "purchases:bills:issue",
      params: ZDocumentId,
      success: { status: 200, description: `The issued document: ${BILL}.` },
      problems: {
        404: NO_DOC,
        409: "the document is not a DRAFT; the credited bill is not issued",
        422: "a zero total; no payable account chosen; an account or tax became inactive",
      },
    },
    async ({ ctx, params }) => issueBill(ctx, params.id),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/purchases/bills/{id}/credit-note",
      operationId: "creditBill",
      summary: "{date?, reference?, notes?, lines?} → 201 an ISSUED vendor credit note for all or part of an issued bill (purchases:bills:issue).",
      auth: "client-user",
      permission: "purchases:bills:issue",
      params: ZDocumentId,
      body: ZCreditNoteRequest,
      examples: { all: {} },
      success: { status: 201, description: `The vendor credit note: ${DOC}.` },
      problems: { 404: NO_DOC, 409: "the document is a credit note, a draft or void", 422: LINES_422 },
    },
    async ({ ctx, params, body }) => created(await creditBill(ctx, params.id, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/purchases/settings",
      operationId: "getPurchaseSettings",
      summary: "the payable account purchase documents post to (purchases:bills:read).",
      auth: "client-user",
      permission: "purchases:bills:read",
      success: { status: 200, description: "{accountId}: null until one is chosen." },
    },
    async ({ ctx }) => getPayableAccount(ctx),
  ),
  defineOperation(
    {
      method: "PUT",
      path: "/api/client/purchases/settings",
      operationId: "setPurchaseSettings",
      summary: "{accountId}: the payable account (an active LIABILITY account) issued purchase documents post to (purchases:settings:write).",
      auth: "client-user",
      permission: "purchases:settings:write",
      body: ZControlAccountRequest,
      examples: { payable: { accountId: "4c3b2a1d-0e9f-4a8b-8c7d-6e5f4a3b2c1d" } },
      success: { status: 200, description: "{accountId}." },
      problems: { 422: "the account is unknown, inactive or not a LIABILITY account" },
    },
    async ({ ctx, body }) => setPayableAccount(ctx, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/purchases/reports/ageing",
      operationId: "payablesAgeing",
      summary:
        "?asOf=YYYY-MM-DD (default today, UTC): what is owed to each vendor by age (current, 1–30, 31–60, 61–90, > 90 days past due), with the payable accounts' ledger balance beside it (purchases:reports:read).",
      auth: "client-user",
      permission: "purchases:reports:read",
      query: ZAgeingQuery,
      success: {
        status: 200,
        description:
          "{asOf, contacts: [{contactId, name, current, days1to30, days31to60, days61to90, over90, total}], totals, ledgerBalance, reconciled}; amounts are decimal strings.",
      },
    },
    async ({ ctx, query }) => payablesAgeing(ctx, query),
  ),
];
