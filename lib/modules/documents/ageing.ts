import { z } from "zod";
import type { DocumentDirection } from "../../generated/client/enums.ts";
import type { TenantContext } from "../../tenancy/types";
import { ZDate, todayUtc } from "../ledger/dates";
import { formatMoney, money, sum, ZERO } from "../ledger/money";

// Receivables (SALE) or payables (PURCHASE) ageing as of any date, from the documents alone, and the balance of
// the control accounts in the ledger at the same date beside it. What is open on `asOf`:
//   an invoice/bill dated ≤ asOf (whatever its state today): total − payments dated ≤ asOf that are not void
//     − credit notes dated ≤ asOf applied to it; aged by its due date;
//   a credit note dated ≤ asOf: −(what it did not apply to its invoice); a payment dated ≤ asOf and not void:
//     −(what it did not allocate): the contact's credits, aged by their own date.
// Their sum is what the issuing entries (total), credit notes (−total) and payments (−amount) dated ≤ asOf
// leave on the control accounts, so `total` = `ledgerBalance` whenever only documents post to those accounts.

export const ZAgeingQuery = z.object({ asOf: ZDate.optional() });
export type AgeingQuery = z.infer<typeof ZAgeingQuery>;

export const BUCKETS = ["current", "days1to30", "days31to60", "days61to90", "over90"] as const;
type Bucket = (typeof BUCKETS)[number];
type Amounts = Record<Bucket | "total", string>;

export interface AgeingReport {
  asOf: string;
  contacts: ({ contactId: string; name: string } & Amounts)[];
  totals: Amounts;
  /** Balance of the receivable (debit − credit) or payable (credit − debit) accounts documents posted to, as of asOf. */
  ledgerBalance: string;
  reconciled: boolean;
}

interface Row {
  contactId: string;
  name: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  total: string;
}

export async function ageing(ctx: TenantContext, direction: DocumentDirection, q: AgeingQuery): Promise<AgeingReport> {
  const asOf = q.asOf ?? todayUtc();
  const payDir = direction === "SALE" ? "RECEIVED" : "PAID";
  const rows = await ctx.db.$queryRaw<Row[]>`
    WITH items AS (
      SELECT i."contactId", i."dueDate" AS "ageFrom",
             i."total"
             - COALESCE((SELECT SUM(a."amount") FROM "PaymentAllocation" a JOIN "Payment" p ON p."id" = a."paymentId"
                          WHERE a."invoiceId" = i."id" AND p."status" = 'POSTED' AND p."date" <= ${asOf}::date), 0)
             - COALESCE((SELECT SUM(c."amountApplied") FROM "Invoice" c
                          WHERE c."creditOfId" = i."id" AND c."status" <> 'DRAFT' AND c."date" <= ${asOf}::date), 0) AS "open"
        FROM "Invoice" i
       WHERE i."direction" = ${direction}::"DocumentDirection" AND i."kind" = 'INVOICE' AND i."status" <> 'DRAFT' AND i."date" <= ${asOf}::date
      UNION ALL
      SELECT c."contactId", c."date", -(c."total" - c."amountApplied")
        FROM "Invoice" c
       WHERE c."direction" = ${direction}::"DocumentDirection" AND c."kind" = 'CREDIT_NOTE' AND c."status" <> 'DRAFT' AND c."date" <= ${asOf}::date
      UNION ALL
      SELECT p."contactId", p."date", -(p."amount" - COALESCE((SELECT SUM(a."amount") FROM "PaymentAllocation" a WHERE a."paymentId" = p."id"), 0))
        FROM "Payment" p
       WHERE p."direction" = ${payDir}::"PaymentDirection" AND p."status" = 'POSTED' AND p."date" <= ${asOf}::date
    ), aged AS (
      SELECT "contactId", "open", ${asOf}::date - "ageFrom" AS "days" FROM items WHERE "open" <> 0
    )
    SELECT ct."id"::text AS "contactId", ct."name",
           COALESCE(SUM("open") FILTER (WHERE "days" <= 0), 0)::text AS "current",
           COALESCE(SUM("open") FILTER (WHERE "days" BETWEEN 1 AND 30), 0)::text AS "days1to30",
           COALESCE(SUM("open") FILTER (WHERE "days" BETWEEN 31 AND 60), 0)::text AS "days31to60",
           COALESCE(SUM("open") FILTER (WHERE "days" BETWEEN 61 AND 90), 0)::text AS "days61to90",
           COALESCE(SUM("open") FILTER (WHERE "days" > 90), 0)::text AS "over90",
           SUM("open")::text AS "total"
      FROM aged JOIN "Contact" ct ON ct."id" = aged."contactId"
     GROUP BY ct."id", ct."name"
     ORDER BY ct."name", ct."id"`;
  const ledger = await ctx.db.$queryRaw<{ balance: string | null }[]>`
    SELECT SUM(l."debit" - l."credit")::text AS "balance"
      FROM "JournalLine" l JOIN "JournalEntry" e ON e."id" = l."entryId"
     WHERE e."status" = 'POSTED' AND e."date" <= ${asOf}::date
       AND l."accountId" IN (SELECT "controlAccountId" FROM "Invoice" WHERE "direction" = ${direction}::"DocumentDirection" AND "controlAccountId" IS NOT NULL
                             UNION SELECT "controlAccountId" FROM "Payment" WHERE "direction" = ${payDir}::"PaymentDirection")`;
  const signed = money(ledger[0]?.balance ?? "0").times(direction === "SALE" ? 1 : -1);
  const fmt = (s: string) => formatMoney(money(s));
  const contacts = rows
    .filter((r) => !money(r.total).isZero() || BUCKETS.some((b) => !money(r[b]).isZero()))
    .map((r) => ({
      contactId: r.contactId,
      name: r.name,
      ...(Object.fromEntries([...BUCKETS, "total"].map((k) => [k, fmt(r[k as Bucket | "total"])])) as Amounts),
    }));
  const totals = Object.fromEntries([...BUCKETS, "total"].map((k) => [k, formatMoney(sum(contacts.map((c) => money(c[k as Bucket | "total"]))))])) as Amounts;
  return { asOf, contacts, totals, ledgerBalance: formatMoney(signed.plus(ZERO)), reconciled: money(totals.total).equals(signed) };
}
