import { z } from "zod";
import { JournalStatus } from "../../generated/client/enums.ts";
import { ZDate } from "./dates";
import { ZMoney } from "./money";

export const ZEntryId = z.object({ id: z.uuid() });

const isPositive = (s: string | undefined) => s !== undefined && /[1-9]/.test(s);

export const ZJournalLineInput = z
  .object({
    accountId: z.uuid(),
    debit: ZMoney.optional(),
    credit: ZMoney.optional(),
    memo: z.string().trim().max(500).optional(),
  })
  .refine((l) => isPositive(l.debit) !== isPositive(l.credit), { message: "a line is exactly one of debit or credit, greater than zero" });

const ZDescription = z.string().trim().min(1).max(500);
const ZReference = z.string().trim().max(100);
/** The lines of a new entry, or all lines of an edited draft. */
const ZJournalLines = z.array(ZJournalLineInput).min(2, "an entry needs at least two lines").max(500);

export const ZCreateEntryRequest = z.object({
  date: ZDate,
  description: ZDescription,
  reference: ZReference.optional(),
  lines: ZJournalLines,
  /** Post at once (the entry must balance); otherwise it stays a DRAFT. */
  post: z.boolean().optional(),
});
export type CreateEntryRequest = z.infer<typeof ZCreateEntryRequest>;
export type JournalLineInput = z.infer<typeof ZJournalLineInput>;

/** Edit a DRAFT: only the fields sent change; `lines` replaces every line; `reference: null` clears it; `post: true` posts it in the same transaction. */
export const ZUpdateEntryRequest = z.object({
  date: ZDate.optional(),
  description: ZDescription.optional(),
  reference: ZReference.nullable().optional(),
  lines: ZJournalLines.optional(),
  post: z.boolean().optional(),
});
export type UpdateEntryRequest = z.infer<typeof ZUpdateEntryRequest>;

/** Reverse a POSTED entry: date defaults to today (UTC), description to "Reversal of #<number>: <description>". */
export const ZReverseEntryRequest = z.object({ date: ZDate.optional(), description: ZDescription.optional() });
export type ReverseEntryRequest = z.infer<typeof ZReverseEntryRequest>;

export const ZListEntriesQuery = z.object({
  from: ZDate.optional(),
  to: ZDate.optional(),
  status: z.enum(JournalStatus).optional(),
  accountId: z.uuid().optional(),
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListEntriesQuery = z.infer<typeof ZListEntriesQuery>;

export interface JournalLineView {
  id: string;
  accountId: string;
  accountCode: string;
  accountName: string;
  debit: string;
  credit: string;
  memo: string | null;
}

export interface JournalEntryView {
  id: string;
  number: number;
  date: string;
  description: string;
  reference: string | null;
  status: JournalStatus;
  createdById: string | null;
  postedAt: string | null;
  createdAt: string;
  /** The entry this one reverses, if it is a reversal. */
  reversalOfId: string | null;
  reversalOfNumber: number | null;
  /** The reversal of this entry, if it has been reversed. */
  reversedById: string | null;
  reversedByNumber: number | null;
  lines: JournalLineView[];
  totals: { debit: string; credit: string; balanced: boolean };
}
