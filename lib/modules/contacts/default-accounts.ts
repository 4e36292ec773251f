import type { AccountType } from "../../generated/client/enums.ts";
import { AppError, type ProblemField } from "../../errors";
import type { ClientDb } from "../../tenancy/types";

type Tx = Parameters<Parameters<ClientDb["$transaction"]>[0]>[0];

/**
 * A contact's default accounts must exist, be active and be of the right type: income → REVENUE,
 * expense → EXPENSE (else 422 naming the field). Null or absent ids are not checked.
 */
export async function assertDefaultAccounts(tx: Tx, ids: { incomeAccountId?: string | null; expenseAccountId?: string | null }): Promise<void> {
  const wanted: [keyof typeof ids, string, AccountType][] = [];
  if (ids.incomeAccountId) wanted.push(["incomeAccountId", ids.incomeAccountId, "REVENUE"]);
  if (ids.expenseAccountId) wanted.push(["expenseAccountId", ids.expenseAccountId, "EXPENSE"]);
  if (wanted.length === 0) return;
  const found = await tx.account.findMany({ where: { id: { in: wanted.map((w) => w[1]) } }, select: { id: true, type: true, isActive: true } });
  const fields: ProblemField[] = [];
  for (const [path, id, type] of wanted) {
    const a = found.find((x) => x.id === id);
    if (!a) fields.push({ path, message: "no such account" });
    else if (!a.isActive) fields.push({ path, message: "the account is inactive" });
    else if (a.type !== type) fields.push({ path, message: `must be a ${type} account` });
  }
  if (fields.length > 0) throw new AppError("validation_failed", "The contact's default accounts are not usable.", { fields });
}
