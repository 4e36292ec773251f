import type { DocumentDirection } from "../../generated/client/enums.ts";
import { AppError, type ProblemField } from "../../errors";
import { addDays } from "./dates";
import { toDbDate } from "../ledger/dates";
import type { LedgerTx } from "../ledger/lock-entry";
import { money, type Decimal } from "../ledger/money";
import type { DocumentLineInput } from "./documents.types";
import { PARTY } from "./labels";
import { documentTotals, lineAmounts, type LineAmounts } from "./totals";

export interface LineRow {
  position: number;
  productId: string | null;
  description: string;
  quantity: Decimal;
  unitPrice: Decimal;
  discountPercent: Decimal;
  taxId: string | null;
  accountId: string;
  net: Decimal;
  taxAmount: Decimal;
  total: Decimal;
}

export interface ContactRow {
  id: string;
  name: string;
  paymentTermsDays: number;
  incomeAccountId: string | null;
  expenseAccountId: string | null;
}

/** The document's contact: known, active and a customer (sales) or vendor (purchases), else 422. */
export async function loadParty(tx: LedgerTx, direction: DocumentDirection, contactId: string): Promise<ContactRow> {
  const c = await tx.contact.findUnique({
    where: { id: contactId },
    select: { id: true, name: true, paymentTermsDays: true, incomeAccountId: true, expenseAccountId: true, isActive: true, isCustomer: true, isVendor: true },
  });
  const party = PARTY[direction];
  const problem = !c ? "no such contact" : !c.isActive ? "the contact is inactive" : !c[party.flag] ? `the contact is not a ${party.word}` : null;
  if (problem) throw new AppError("validation_failed", `The ${party.word} is not usable.`, { fields: [{ path: "contactId", message: problem }] });
  return c!;
}

/** date + the contact's terms, unless a due date is given (not before the date: 422). */
export function dueDateOf(date: string, given: string | null | undefined, contact: ContactRow): Date {
  if (given && given < date)
    throw new AppError("validation_failed", "The due date is before the document's date.", {
      fields: [{ path: "dueDate", message: `must be on or after ${date}` }],
    });
  return toDbDate(given ?? addDays(date, contact.paymentTermsDays));
}

/**
 * Lines with their defaults filled in (a product's description, price, account and tax; the contact's default
 * account) and their exact amounts. Unknown or inactive products, taxes and accounts, or an account of the
 * wrong type → 422 naming the line's field.
 */
export async function resolveLines(
  tx: LedgerTx,
  direction: DocumentDirection,
  contact: ContactRow,
  lines: readonly DocumentLineInput[],
): Promise<{ rows: LineRow[]; totals: LineAmounts }> {
  const productIds = [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
  const products = new Map(
    (
      await tx.product.findMany({
        where: { id: { in: productIds } },
        select: { id: true, name: true, unitPrice: true, incomeAccountId: true, expenseAccountId: true, taxId: true, isActive: true },
      })
    ).map((p) => [p.id, p]),
  );
  const fields: ProblemField[] = [];
  const drafts = lines.map((l, i) => {
    const p = l.productId ? products.get(l.productId) : undefined;
    if (l.productId && (!p || !p.isActive)) fields.push({ path: `lines.${i}.productId`, message: p ? "the product is inactive" : "no such product" });
    const accountId =
      l.accountId ?? (direction === "SALE" ? (p?.incomeAccountId ?? contact.incomeAccountId) : (p?.expenseAccountId ?? contact.expenseAccountId)) ?? null;
    if (!accountId) fields.push({ path: `lines.${i}.accountId`, message: `choose the ${direction === "SALE" ? "income" : "expense"} account` });
    return {
      position: i + 1,
      productId: l.productId ?? null,
      description: l.description ?? p?.name ?? "",
      quantity: money(l.quantity),
      unitPrice: money(l.unitPrice ?? (p ? p.unitPrice.toString() : "0")),
      discountPercent: money(l.discountPercent ?? "0"),
      taxId: l.taxId === undefined ? (p?.taxId ?? null) : l.taxId,
      accountId: accountId ?? "",
    };
  });
  if (fields.length) throw new AppError("validation_failed", "Some lines cannot be used.", { fields });

  const taxIds = [...new Set(drafts.flatMap((d) => (d.taxId ? [d.taxId] : [])))];
  const taxes = new Map(
    (await tx.tax.findMany({ where: { id: { in: taxIds } }, select: { id: true, rate: true, isInclusive: true, isActive: true } })).map((t) => [t.id, t]),
  );
  const accountIds = [...new Set(drafts.map((d) => d.accountId))];
  const accounts = new Map(
    (await tx.account.findMany({ where: { id: { in: accountIds } }, select: { id: true, type: true, isActive: true } })).map((a) => [a.id, a]),
  );
  const allowed = direction === "SALE" ? ["REVENUE"] : ["EXPENSE", "ASSET"];
  drafts.forEach((d, i) => {
    const t = d.taxId ? taxes.get(d.taxId) : undefined;
    if (d.taxId && (!t || !t.isActive)) fields.push({ path: `lines.${i}.taxId`, message: t ? "the tax is inactive" : "no such tax" });
    const a = accounts.get(d.accountId);
    const problem = !a
      ? "no such account"
      : !a.isActive
        ? "the account is inactive"
        : !allowed.includes(a.type)
          ? `must be a ${allowed.join(" or ")} account`
          : null;
    if (problem) fields.push({ path: `lines.${i}.accountId`, message: problem });
  });
  if (fields.length) throw new AppError("validation_failed", "Some lines cannot be used.", { fields });

  const rows = drafts.map((d) => {
    const t = d.taxId ? taxes.get(d.taxId)! : null;
    const a = lineAmounts(d.quantity, d.unitPrice, d.discountPercent, t ? { rate: t.rate.toString(), isInclusive: t.isInclusive } : null);
    return { ...d, net: a.net, taxAmount: a.tax, total: a.total };
  });
  return { rows, totals: documentTotals(rows.map((r) => ({ net: r.net, tax: r.taxAmount, total: r.total }))) };
}
