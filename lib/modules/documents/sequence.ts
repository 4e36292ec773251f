import type { LedgerTx } from "../ledger/lock-entry";

/**
 * The next number of a sequence (INV-2026-0001): one statement that creates or increments the counter
 * row of (key, year) and keeps it locked until the issuing transaction ends. Concurrent issuers wait on
 * the row; a rolled-back issue undoes its increment, so numbers are gap-free.
 */
export async function nextNumber(tx: LedgerTx, key: string, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO "DocumentSequence" ("key", "year", "last") VALUES (${key}, ${year}, 1)
    ON CONFLICT ("key", "year") DO UPDATE SET "last" = "DocumentSequence"."last" + 1
    RETURNING "last"`;
  return `${key}-${year}-${String(rows[0]!.last).padStart(4, "0")}`;
}
