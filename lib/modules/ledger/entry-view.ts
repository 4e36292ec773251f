import type { Prisma } from "../../generated/client/client.ts";
import type { JournalEntryView } from "./entries.types";
import { fromDbDate } from "./dates";
import { LINE_ORDER } from "./line-rows";
import { formatMoney, sum } from "./money";

export const entrySelect = {
  id: true,
  number: true,
  date: true,
  description: true,
  reference: true,
  status: true,
  createdById: true,
  postedAt: true,
  createdAt: true,
  reversalOfId: true,
  reversalOf: { select: { number: true } },
  reversedBy: { select: { id: true, number: true } },
  lines: { select: { id: true, accountId: true, debit: true, credit: true, memo: true, account: { select: { code: true, name: true } } }, orderBy: LINE_ORDER },
} as const satisfies Prisma.JournalEntrySelect;

type EntryRow = Prisma.JournalEntryGetPayload<{ select: typeof entrySelect }>;

export function toEntryView(e: EntryRow): JournalEntryView {
  const debit = sum(e.lines.map((l) => l.debit));
  const credit = sum(e.lines.map((l) => l.credit));
  return {
    id: e.id,
    number: e.number,
    date: fromDbDate(e.date),
    description: e.description,
    reference: e.reference,
    status: e.status,
    createdById: e.createdById,
    postedAt: e.postedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    reversalOfId: e.reversalOfId,
    reversalOfNumber: e.reversalOf?.number ?? null,
    reversedById: e.reversedBy?.id ?? null,
    reversedByNumber: e.reversedBy?.number ?? null,
    lines: e.lines.map((l) => ({
      id: l.id,
      accountId: l.accountId,
      accountCode: l.account.code,
      accountName: l.account.name,
      debit: formatMoney(l.debit),
      credit: formatMoney(l.credit),
      memo: l.memo,
    })),
    totals: { debit: formatMoney(debit), credit: formatMoney(credit), balanced: debit.equals(credit) },
  };
}
