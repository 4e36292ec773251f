import type { Prisma } from "../../generated/client/client.ts";
import { fromDbDate } from "../ledger/dates";
import { formatMoney, money } from "../ledger/money";
import type { DocumentView } from "./documents.types";

export const documentSelect = {
  id: true,
  direction: true,
  kind: true,
  number: true,
  status: true,
  contactId: true,
  contact: { select: { name: true } },
  date: true,
  dueDate: true,
  reference: true,
  vendorReference: true,
  notes: true,
  creditOfId: true,
  controlAccountId: true,
  subtotal: true,
  taxTotal: true,
  total: true,
  amountPaid: true,
  amountCredited: true,
  amountApplied: true,
  journalEntryId: true,
  journalEntry: { select: { number: true } },
  issuedAt: true,
  createdAt: true,
  lines: {
    select: {
      id: true,
      position: true,
      productId: true,
      description: true,
      quantity: true,
      unitPrice: true,
      discountPercent: true,
      taxId: true,
      accountId: true,
      net: true,
      taxAmount: true,
      total: true,
    },
    orderBy: { position: "asc" as const },
  },
} as const satisfies Prisma.InvoiceSelect;

type Row = Prisma.InvoiceGetPayload<{ select: typeof documentSelect }>;
const m = (v: Prisma.Decimal) => formatMoney(money(v));

export function toDocumentView(d: Row): DocumentView {
  const balance =
    d.kind === "INVOICE"
      ? money(d.total).minus(d.amountPaid).minus(d.amountCredited)
      : d.status === "DRAFT"
        ? money(d.total)
        : money(d.total).minus(d.amountApplied);
  return {
    id: d.id,
    direction: d.direction,
    kind: d.kind,
    number: d.number,
    status: d.status,
    contactId: d.contactId,
    contactName: d.contact.name,
    date: fromDbDate(d.date),
    dueDate: fromDbDate(d.dueDate),
    reference: d.reference,
    vendorReference: d.vendorReference,
    notes: d.notes,
    creditOfId: d.creditOfId,
    controlAccountId: d.controlAccountId,
    subtotal: m(d.subtotal),
    taxTotal: m(d.taxTotal),
    total: m(d.total),
    amountPaid: m(d.amountPaid),
    amountCredited: m(d.amountCredited),
    amountApplied: m(d.amountApplied),
    balanceDue: formatMoney(balance),
    journalEntryId: d.journalEntryId,
    journalEntryNumber: d.journalEntry?.number ?? null,
    issuedAt: d.issuedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    lines: d.lines.map((l) => ({
      ...l,
      quantity: m(l.quantity),
      unitPrice: m(l.unitPrice),
      discountPercent: m(l.discountPercent),
      net: m(l.net),
      taxAmount: m(l.taxAmount),
      total: m(l.total),
    })),
  };
}
