import { z } from "zod";
import { PaymentDirection, PaymentStatus } from "../../generated/client/enums.ts";
import { ZDate } from "../ledger/dates";
import { ZMoney } from "../ledger/money";

const ZPositive = ZMoney.refine((s) => /[1-9]/.test(s), "must be greater than zero");

export const ZRecordPaymentRequest = z.object({
  /** RECEIVED from a customer (against sales invoices), PAID to a vendor (against bills). */
  direction: z.enum(PaymentDirection),
  contactId: z.uuid(),
  date: ZDate,
  amount: ZPositive,
  /** The cash or bank account (an active ASSET account). */
  accountId: z.uuid(),
  reference: z.string().trim().max(100).optional(),
  /** Parts of the amount settling the contact's open invoices (or bills); the rest is the contact's credit. */
  allocations: z
    .array(z.object({ documentId: z.uuid(), amount: ZPositive }))
    .max(200)
    .default([])
    .refine((a) => new Set(a.map((x) => x.documentId)).size === a.length, "a document appears twice"),
});
export type RecordPaymentRequest = z.infer<typeof ZRecordPaymentRequest>;

export const ZPaymentId = z.object({ id: z.uuid() });

export const ZListPaymentsQuery = z.object({
  direction: z.enum(PaymentDirection).optional(),
  status: z.enum(PaymentStatus).optional(),
  contactId: z.uuid().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListPaymentsQuery = z.infer<typeof ZListPaymentsQuery>;

export interface PaymentView {
  id: string;
  direction: PaymentDirection;
  number: string;
  status: PaymentStatus;
  contactId: string;
  contactName: string;
  date: string;
  amount: string;
  accountId: string;
  controlAccountId: string;
  reference: string | null;
  /** amount − allocations: the contact's credit from this payment. */
  unallocated: string;
  journalEntryId: string;
  journalEntryNumber: number;
  allocations: { documentId: string; number: string | null; amount: string }[];
  createdAt: string;
  voidedAt: string | null;
}
