import { Prisma } from "../../generated/client/client.ts";
import type { JournalStatus } from "../../generated/client/enums.ts";
import { AppError } from "../../errors";
import type { ClientDb } from "../../tenancy/types";

export type LedgerTx = Parameters<Parameters<ClientDb["$transaction"]>[0]>[0];

export interface LockedEntry {
  id: string;
  number: number;
  status: JournalStatus;
  /** YYYY-MM-DD */
  date: string;
  description: string;
  reference: string | null;
  reversalOfId: string | null;
  /** Set when a document posted the entry (sales.invoice, payments.payment, …). */
  source: string | null;
}

/**
 * Locks one entry row for the rest of the transaction, or 404. `update` for a change of the
 * entry itself (edit, delete, post, void: they wait for each other and then see the new
 * state); `share` when the entry is only read and must not change meanwhile (reversing it:
 * a concurrent void waits, while concurrent reversals do not block each other and meet at
 * the unique index on "reversalOfId").
 */
export async function lockEntry(tx: LedgerTx, entryId: string, mode: "update" | "share"): Promise<LockedEntry> {
  const rows = await tx.$queryRaw<LockedEntry[]>`
    SELECT "id"::text AS "id", "number", "status"::text AS "status", "date"::text AS "date", "description", "reference", "reversalOfId"::text AS "reversalOfId", "source"
      FROM "JournalEntry" WHERE "id" = ${entryId}::uuid
      ${mode === "update" ? Prisma.sql`FOR UPDATE` : Prisma.sql`FOR SHARE`}`;
  if (rows.length === 0) throw new AppError("not_found", "No such journal entry.");
  return rows[0]!;
}

/** 409 unless the locked entry has the given status. */
export function assertStatus(entry: LockedEntry, status: JournalStatus, doing: string): void {
  if (entry.status !== status) throw new AppError("conflict", `Only a ${status} entry can be ${doing}; this one is ${entry.status}.`);
}

/** 409 for an entry a document posted: it is corrected through its document, so the document and the ledger keep agreeing. */
export function assertNotFromDocument(entry: LockedEntry, doing: string): void {
  if (entry.source)
    throw new AppError(
      "conflict",
      `This entry was posted by a document (${entry.source}) and cannot be ${doing} here: correct it through the document (a credit note, or voiding the payment).`,
    );
}
