import { isCheckViolation } from "../../db/errors";
import { AppError } from "../../errors";

// The ledger's database guards: the deferred trigger journal_entry_must_balance
// raises SQLSTATE 23514 (check_violation) at COMMIT when a POSTED entry does not
// balance, and JournalLine_amounts_check raises 23514 for a line that is not
// exactly one of debit/credit. Prisma (through the pg driver adapter) wraps the
// driver's error; lib/db/errors finds the code wherever it is kept.

/** Runs a ledger write; a check violation from the database becomes a 422, never a 500. */
export async function withLedgerGuards<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isCheckViolation(err))
      throw new AppError(
        "validation_failed",
        "The database refused the entry: a posted entry's debits must equal its credits, and each line must be exactly one of debit or credit.",
      );
    throw err;
  }
}
