import type { DocumentDirection, DocumentKind } from "../../generated/client/enums.ts";

// What each kind of document is called: in audit actions, numbers, ledger sources and descriptions.

interface Label {
  /** Audit action prefix and target type. */
  noun: string;
  /** Number prefix and sequence key: INV-2026-0001. */
  prefix: string;
  /** JournalEntry.source of its issuing entry. */
  source: string;
  /** In sentences and entry descriptions. */
  title: string;
}

const LABELS: Record<DocumentDirection, Record<DocumentKind, Label>> = {
  SALE: {
    INVOICE: { noun: "invoice", prefix: "INV", source: "sales.invoice", title: "Invoice" },
    CREDIT_NOTE: { noun: "credit_note", prefix: "CRN", source: "sales.credit_note", title: "Credit note" },
  },
  PURCHASE: {
    INVOICE: { noun: "bill", prefix: "BILL", source: "purchases.bill", title: "Bill" },
    CREDIT_NOTE: { noun: "vendor_credit", prefix: "VCN", source: "purchases.vendor_credit", title: "Vendor credit note" },
  },
};

export function labelOf(direction: DocumentDirection, kind: DocumentKind): Label {
  return LABELS[direction][kind];
}

/** The contact's side: customers for sales, vendors for purchases. */
export const PARTY = { SALE: { flag: "isCustomer", word: "customer" }, PURCHASE: { flag: "isVendor", word: "vendor" } } as const;
