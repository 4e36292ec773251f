import { AppError } from "../../errors";

// The ledger's database guards: the deferred trigger journal_entry_must_balance
// raises SQLSTATE 23514 (check_violation) at COMMIT when a POSTED entry does not
// balance, and JournalLine_amounts_check raises 23514 for a line that is not
// exactly one of debit/credit. Prisma (through the pg driver adapter) wraps the
// driver's error; look for the code wherever it is kept.

function codes(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== "object" || depth > 5) return [];
  const e = err as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown; code?: unknown } };
  const own = [e.code, e.originalCode, e.meta?.code].filter((c): c is string => typeof c === "string");
  return [...own, ...codes(e.cause, depth + 1), ...codes(e.meta?.driverAdapterError, depth + 1)];
}

export function isCheckViolation(err: unknown): boolean {
  return codes(err).includes("23514");
}

/** Runs a ledger write; a check violation from the database becomes a 422, never a 500. */
export async function withLedgerGuards<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (isCheckViolation(err)) throw new AppError("validation_failed", "The database refused the entry: a posted entry's debits must equal its credits, and each line must be exactly one of debit or credit.");
    throw err;
  }
}
