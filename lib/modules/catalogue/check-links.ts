import type { AccountType } from "../../generated/client/enums.ts";
import { AppError, type ProblemField } from "../../errors";
import type { ClientDb } from "../../tenancy/types";

type Tx = Parameters<Parameters<ClientDb["$transaction"]>[0]>[0];

/** Each named account must exist, be active and be of one of the allowed types (422 naming the field). */
export async function assertAccounts(tx: Tx, wanted: { path: string; id: string | null | undefined; types: readonly AccountType[] }[]): Promise<void> {
  const named = wanted.filter((w): w is typeof w & { id: string } => !!w.id);
  if (named.length === 0) return;
  const found = await tx.account.findMany({ where: { id: { in: named.map((w) => w.id) } }, select: { id: true, type: true, isActive: true } });
  const fields: ProblemField[] = [];
  for (const w of named) {
    const a = found.find((x) => x.id === w.id);
    if (!a) fields.push({ path: w.path, message: "no such account" });
    else if (!a.isActive) fields.push({ path: w.path, message: "the account is inactive" });
    else if (!w.types.includes(a.type)) fields.push({ path: w.path, message: `must be a ${w.types.join(" or ")} account` });
  }
  if (fields.length > 0) throw new AppError("validation_failed", "Some accounts are not usable here.", { fields });
}

/** A named tax must exist and be active (422). */
export async function assertTax(tx: Tx, path: string, taxId: string | null | undefined): Promise<void> {
  if (!taxId) return;
  const t = await tx.tax.findUnique({ where: { id: taxId }, select: { isActive: true } });
  if (!t || !t.isActive)
    throw new AppError("validation_failed", "The tax is not usable.", { fields: [{ path, message: t ? "the tax is inactive" : "no such tax" }] });
}
