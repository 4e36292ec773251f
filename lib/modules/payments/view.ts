import type { Prisma } from "../../generated/client/client.ts";
import { fromDbDate } from "../ledger/dates";
import { formatMoney, money, sum } from "../ledger/money";
import type { PaymentView } from "./payments.types";

export const paymentSelect = {
  id: true,
  direction: true,
  number: true,
  status: true,
  contactId: true,
  contact: { select: { name: true } },
  date: true,
  amount: true,
  accountId: true,
  controlAccountId: true,
  reference: true,
  journalEntryId: true,
  journalEntry: { select: { number: true } },
  allocations: { select: { invoiceId: true, amount: true, invoice: { select: { number: true } } }, orderBy: { id: "asc" as const } },
  createdAt: true,
  voidedAt: true,
} as const satisfies Prisma.PaymentSelect;

export function toPaymentView(p: Prisma.PaymentGetPayload<{ select: typeof paymentSelect }>): PaymentView {
  const allocated = sum(p.allocations.map((a) => money(a.amount)));
  return {
    id: p.id,
    direction: p.direction,
    number: p.number,
    status: p.status,
    contactId: p.contactId,
    contactName: p.contact.name,
    date: fromDbDate(p.date),
    amount: formatMoney(money(p.amount)),
    accountId: p.accountId,
    controlAccountId: p.controlAccountId,
    reference: p.reference,
    unallocated: formatMoney(money(p.amount).minus(allocated)),
    journalEntryId: p.journalEntryId,
    journalEntryNumber: p.journalEntry.number,
    allocations: p.allocations.map((a) => ({ documentId: a.invoiceId, number: a.invoice.number, amount: formatMoney(money(a.amount)) })),
    createdAt: p.createdAt.toISOString(),
    voidedAt: p.voidedAt?.toISOString() ?? null,
  };
}
