import { created, defineOperation, type Operation } from "../../http/operation";
import { getPayment } from "./get-payment";
import { listPayments } from "./list-payments";
import { ZListPaymentsQuery, ZPaymentId, ZRecordPaymentRequest } from "./payments.types";
import { recordPayment } from "./record-payment";
import { voidPayment } from "./void-payment";

// Payments: /api/client/payments (docs/receivables-payables.md).

const PAYMENT =
  "{id, direction, number, status, contactId, contactName, date, amount, accountId, controlAccountId, reference, unallocated, journalEntryId, journalEntryNumber, allocations: [{documentId, number, amount}], createdAt, voidedAt}";
const NO_PAYMENT = "no such payment in this tenant";

export const PAYMENT_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/payments",
      operationId: "listPayments",
      summary: "?direction&status&contactId&from&to&cursor&limit: payments, newest first (payments:payments:read).",
      auth: "client-user",
      permission: "payments:payments:read",
      query: ZListPaymentsQuery,
      success: { status: 200, description: `{payments: [${PAYMENT}], nextCursor}.` },
    },
    async ({ ctx, query }) => listPayments(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/payments",
      operationId: "recordPayment",
      summary:
        "{direction: RECEIVED|PAID, contactId, date, amount, accountId, reference?, allocations?: [{documentId, amount}]} → 201 the payment, posted; allocated documents become PARTIALLY_PAID or PAID; the rest is the contact's credit (payments:payments:write).",
      auth: "client-user",
      permission: "payments:payments:write",
      body: ZRecordPaymentRequest,
      examples: {
        received: {
          direction: "RECEIVED",
          contactId: "3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c",
          date: "2026-03-20",
          amount: "500.00",
          accountId: "0b6f3c2e-9d41-4e7a-8c55-1f2e3d4c5b6a",
          allocations: [{ documentId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", amount: "450.00" }],
        },
      },
      success: { status: 201, description: `The payment: ${PAYMENT}.` },
      problems: {
        422: "the contact is not a customer (RECEIVED) or vendor (PAID); the account is not an active ASSET account; no control account chosen; an allocation names no open invoice of the contact, is dated after the payment, exceeds what is owed, or all together exceed the amount",
      },
    },
    async ({ ctx, body }) => created(await recordPayment(ctx, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/payments/{id}",
      operationId: "getPayment",
      summary: "one payment with its allocations (payments:payments:read). Another tenant's id → 404.",
      auth: "client-user",
      permission: "payments:payments:read",
      params: ZPaymentId,
      success: { status: 200, description: PAYMENT },
      problems: { 404: NO_PAYMENT },
    },
    async ({ ctx, params }) => getPayment(ctx, params.id),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/payments/{id}/void",
      operationId: "voidPayment",
      summary: "POSTED → VOID: its entry voided, its allocations undone (documents back to ISSUED / PARTIALLY_PAID); VOID → 409 (payments:payments:write).",
      auth: "client-user",
      permission: "payments:payments:write",
      params: ZPaymentId,
      success: { status: 200, description: PAYMENT },
      problems: { 404: NO_PAYMENT, 409: "the payment is void already" },
    },
    async ({ ctx, params }) => voidPayment(ctx, params.id),
  ),
];
