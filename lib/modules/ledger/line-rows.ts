import type { JournalLineInput } from "./entries.types";
import { money, type Decimal } from "./money";

export interface LineRow {
  accountId: string;
  debit: Decimal;
  credit: Decimal;
  memo: string | null;
  position: number;
}

/** Input lines as rows to write: exact amounts, and their position so they read back in the order entered. */
export function lineRows(lines: readonly JournalLineInput[]): LineRow[] {
  return lines.map((l, i) => ({ accountId: l.accountId, debit: money(l.debit), credit: money(l.credit), memo: l.memo ?? null, position: i + 1 }));
}

/** How lines are read back: as entered (lines older than `position` share 0 and fall back to id). */
export const LINE_ORDER = [{ position: "asc" as const }, { id: "asc" as const }];
