import { z } from "zod";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { ZDate, todayUtc } from "../ledger/dates";
import { formatMoney, money, ZERO } from "../ledger/money";

// A customer's statement: the balance before `from`, every invoice (+), credit note (−) and payment (−) dated in
// [from, to] with the running balance, the closing balance, and the documents still open on `to`.

export const ZStatementQuery = z.object({ from: ZDate.optional(), to: ZDate.optional() });
export type StatementQuery = z.infer<typeof ZStatementQuery>;

export interface StatementLine {
  date: string;
  type: "invoice" | "credit_note" | "payment";
  id: string;
  number: string | null;
  dueDate: string | null;
  amount: string;
  balance: string;
}

export interface Statement {
  contactId: string;
  name: string;
  billingAddress: string | null;
  from: string;
  to: string;
  openingBalance: string;
  lines: StatementLine[];
  closingBalance: string;
  open: { id: string; number: string | null; date: string; dueDate: string; total: string; balanceDue: string }[];
}

interface Movement {
  date: string;
  type: StatementLine["type"];
  id: string;
  number: string | null;
  dueDate: string | null;
  amount: string;
}

export async function customerStatement(ctx: TenantContext, contactId: string, q: StatementQuery): Promise<Statement> {
  const to = q.to ?? todayUtc();
  const from = q.from ?? `${to.slice(0, 7)}-01`;
  if (from > to) throw new AppError("validation_failed", "from is after to.", { fields: [{ path: "from", message: `must be on or before ${to}` }] });
  const contact = await ctx.db.contact.findUnique({ where: { id: contactId }, select: { id: true, name: true, billingAddress: true, isCustomer: true } });
  if (!contact || !contact.isCustomer) throw new AppError("not_found", "No such customer.");
  const moves = await ctx.db.$queryRaw<Movement[]>`
    SELECT "date"::text AS "date", CASE WHEN "kind" = 'INVOICE' THEN 'invoice' ELSE 'credit_note' END AS "type", "id"::text AS "id", "number",
           CASE WHEN "kind" = 'INVOICE' THEN "dueDate"::text END AS "dueDate",
           (CASE WHEN "kind" = 'INVOICE' THEN "total" ELSE -"total" END)::text AS "amount"
      FROM "Invoice" WHERE "contactId" = ${contactId}::uuid AND "direction" = 'SALE' AND "status" <> 'DRAFT' AND "date" <= ${to}::date
    UNION ALL
    SELECT "date"::text, 'payment', "id"::text, "number", NULL, (-"amount")::text
      FROM "Payment" WHERE "contactId" = ${contactId}::uuid AND "direction" = 'RECEIVED' AND "status" = 'POSTED' AND "date" <= ${to}::date
    ORDER BY 1, 4`;
  let balance = ZERO;
  const lines: StatementLine[] = [];
  for (const m of moves) {
    balance = balance.plus(m.amount);
    if (m.date >= from) lines.push({ ...m, amount: formatMoney(money(m.amount)), balance: formatMoney(balance) });
  }
  const before = moves.filter((m) => m.date < from).reduce((acc, m) => acc.plus(m.amount), ZERO);
  const open = await ctx.db.$queryRaw<{ id: string; number: string | null; date: string; dueDate: string; total: string; balanceDue: string }[]>`
    SELECT i."id"::text AS "id", i."number", i."date"::text AS "date", i."dueDate"::text AS "dueDate", i."total"::text AS "total",
           (i."total"
            - COALESCE((SELECT SUM(a."amount") FROM "PaymentAllocation" a JOIN "Payment" p ON p."id" = a."paymentId"
                         WHERE a."invoiceId" = i."id" AND p."status" = 'POSTED' AND p."date" <= ${to}::date), 0)
            - COALESCE((SELECT SUM(c."amountApplied") FROM "Invoice" c WHERE c."creditOfId" = i."id" AND c."status" <> 'DRAFT' AND c."date" <= ${to}::date), 0))::text AS "balanceDue"
      FROM "Invoice" i
     WHERE i."contactId" = ${contactId}::uuid AND i."direction" = 'SALE' AND i."kind" = 'INVOICE' AND i."status" <> 'DRAFT' AND i."date" <= ${to}::date
     ORDER BY i."dueDate", i."number"`;
  return {
    contactId,
    name: contact.name,
    billingAddress: contact.billingAddress,
    from,
    to,
    openingBalance: formatMoney(before),
    lines,
    closingBalance: formatMoney(balance),
    open: open
      .filter((o) => !money(o.balanceDue).isZero())
      .map((o) => ({ ...o, total: formatMoney(money(o.total)), balanceDue: formatMoney(money(o.balanceDue)) })),
  };
}
