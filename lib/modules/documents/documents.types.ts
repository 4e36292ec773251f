import { z } from "zod";
import { DocumentKind, DocumentStatus, type DocumentDirection } from "../../generated/client/enums.ts";
import { ZPercent } from "../catalogue/catalogue.types";
import { ZDate } from "../ledger/dates";
import { ZMoney } from "../ledger/money";

// The shared document engine of the sales and purchases modules (not a module itself: no manifest).
// An invoice and a bill are the same document seen from the two sides (direction SALE / PURCHASE).

/** A quantity: greater than zero, up to 15 integer digits and 4 decimals, as a string. */
export const ZQuantity = z
  .string({ message: 'send quantities as strings, e.g. "1.5"' })
  .trim()
  .regex(/^\d{1,15}(\.\d{1,4})?$/, 'must be a quantity with at most 4 decimals, e.g. "1.5"')
  .refine((s) => /[1-9]/.test(s), "must be greater than zero");

export const ZDocumentLineInput = z
  .object({
    /** A catalogue product: its name, price, account and tax are the defaults of the line. */
    productId: z.uuid().optional(),
    description: z.string().trim().min(1).max(500).optional(),
    quantity: ZQuantity,
    unitPrice: ZMoney.optional(),
    discountPercent: ZPercent.optional(),
    /** null: no tax; absent: the product's default tax. */
    taxId: z.uuid().nullable().optional(),
    /** Income (sales) or expense (purchases) account; default: the product's, then the contact's. */
    accountId: z.uuid().optional(),
  })
  .refine((l) => l.productId || (l.description && l.unitPrice !== undefined), {
    message: "a line without a product needs a description and a unit price",
    path: ["description"],
  });
export type DocumentLineInput = z.infer<typeof ZDocumentLineInput>;

const ZLines = z.array(ZDocumentLineInput).min(1, "a document needs at least one line").max(500);
const ZText = (max: number) => z.string().trim().max(max);

export const ZCreateDocumentRequest = z.object({
  kind: z.enum(DocumentKind).default("INVOICE"),
  contactId: z.uuid(),
  date: ZDate,
  /** Default: date + the contact's payment terms. */
  dueDate: ZDate.optional(),
  reference: ZText(100).optional(),
  /** Bills: the vendor's own number for it. */
  vendorReference: ZText(100).optional(),
  notes: ZText(2000).optional(),
  /** A credit note: the issued invoice it credits (same contact). */
  creditOfId: z.uuid().optional(),
  lines: ZLines,
});
export type CreateDocumentRequest = z.infer<typeof ZCreateDocumentRequest>;

/** Edit a DRAFT: the fields sent change; `lines` replaces every line; null clears an optional text or the due date (back to the terms). */
export const ZUpdateDocumentRequest = z.object({
  contactId: z.uuid().optional(),
  date: ZDate.optional(),
  dueDate: ZDate.nullable().optional(),
  reference: ZText(100).nullable().optional(),
  vendorReference: ZText(100).nullable().optional(),
  notes: ZText(2000).nullable().optional(),
  lines: ZLines.optional(),
});
export type UpdateDocumentRequest = z.infer<typeof ZUpdateDocumentRequest>;

export const ZDocumentId = z.object({ id: z.uuid() });

/** A credit note for an issued invoice, issued at once: all of it (no lines) or the lines given. */
export const ZCreditNoteRequest = z.object({
  date: ZDate.optional(),
  reference: ZText(100).optional(),
  notes: ZText(2000).optional(),
  lines: ZLines.optional(),
});
export type CreditNoteRequest = z.infer<typeof ZCreditNoteRequest>;

export const ZListDocumentsQuery = z.object({
  kind: z.enum(DocumentKind).optional(),
  status: z.enum(DocumentStatus).optional(),
  contactId: z.uuid().optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  /** Due before today (UTC) and not settled. */
  overdue: z.enum(["true", "false"]).optional(),
  /** Matches the number, reference or vendor reference. */
  q: z.string().trim().max(100).optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListDocumentsQuery = z.infer<typeof ZListDocumentsQuery>;

export interface DocumentLineView {
  id: string;
  position: number;
  productId: string | null;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxId: string | null;
  accountId: string;
  net: string;
  taxAmount: string;
  total: string;
}

export interface DocumentView {
  id: string;
  direction: DocumentDirection;
  kind: DocumentKind;
  number: string | null;
  status: DocumentStatus;
  contactId: string;
  contactName: string;
  date: string;
  dueDate: string;
  reference: string | null;
  vendorReference: string | null;
  notes: string | null;
  creditOfId: string | null;
  controlAccountId: string | null;
  subtotal: string;
  taxTotal: string;
  total: string;
  amountPaid: string;
  amountCredited: string;
  amountApplied: string;
  /** What is still owed on an invoice (total − paid − credited); for a credit note, what is left to use. */
  balanceDue: string;
  journalEntryId: string | null;
  journalEntryNumber: number | null;
  issuedAt: string | null;
  createdAt: string;
  lines: DocumentLineView[];
}
