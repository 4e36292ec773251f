import { AppError } from "../../errors";
import type { Decimal } from "./money";
import { formatMoney, sum } from "./money";

/** The service's balance check (the database's deferred trigger is the last line behind it). */
export function assertBalanced(lines: readonly { debit: Decimal; credit: Decimal }[]): void {
  const debit = sum(lines.map((l) => l.debit));
  const credit = sum(lines.map((l) => l.credit));
  if (!debit.equals(credit)) {
    throw new AppError(
      "validation_failed",
      `The entry does not balance: debits ${formatMoney(debit)} ≠ credits ${formatMoney(credit)} (difference ${formatMoney(debit.minus(credit).abs())}). Save it as a draft or fix the lines.`,
      {
        fields: [{ path: "lines", message: "debits must equal credits to post" }],
      },
    );
  }
}
