import type { DocumentDirection, DocumentKind, DocumentStatus } from "../../generated/client/enums.ts";
import { Prisma } from "../../generated/client/client.ts";
import { AppError } from "../../errors";
import type { LedgerTx } from "../ledger/lock-entry";

export interface LockedDocument {
  id: string;
  direction: DocumentDirection;
  kind: DocumentKind;
  status: DocumentStatus;
  number: string | null;
  contactId: string;
  creditOfId: string | null;
  /** YYYY-MM-DD */
  date: string;
  total: string;
  amountPaid: string;
  amountCredited: string;
}

/**
 * Locks documents FOR UPDATE (in id order, so two transactions locking overlapping sets cannot deadlock) and
 * returns them; an id that is not a document of this direction → 404. Every change of a document's status or
 * amounts happens under this lock: concurrent issues, payments and credit notes wait and then see the new state.
 */
export async function lockDocuments(tx: LedgerTx, direction: DocumentDirection, ids: readonly string[]): Promise<Map<string, LockedDocument>> {
  const sorted = [...new Set(ids)].sort();
  const rows = await tx.$queryRaw<LockedDocument[]>`
    SELECT "id"::text AS "id", "direction"::text AS "direction", "kind"::text AS "kind", "status"::text AS "status", "number",
           "contactId"::text AS "contactId", "creditOfId"::text AS "creditOfId", "date"::text AS "date",
           "total"::text AS "total", "amountPaid"::text AS "amountPaid", "amountCredited"::text AS "amountCredited"
      FROM "Invoice" WHERE "id" IN (${Prisma.join(sorted.map((id) => Prisma.sql`${id}::uuid`))}) AND "direction" = ${direction}::"DocumentDirection"
     ORDER BY "id" FOR UPDATE`;
  const out = new Map(rows.map((r) => [r.id, r]));
  for (const id of sorted) if (!out.has(id)) throw new AppError("not_found", "No such document.");
  return out;
}

export async function lockDocument(tx: LedgerTx, direction: DocumentDirection, id: string): Promise<LockedDocument> {
  return (await lockDocuments(tx, direction, [id])).get(id)!;
}
