import { AppError } from "../../errors";
import type { ClientDb } from "../../tenancy/types";

type Tx = Parameters<Parameters<ClientDb["$transaction"]>[0]>[0];

/** Every account id must name an active account of this tenant → else 422 naming the lines. */
export async function assertActiveAccounts(tx: Tx, accountIds: readonly string[]): Promise<void> {
  const unique = [...new Set(accountIds)];
  const found = await tx.account.findMany({ where: { id: { in: unique } }, select: { id: true, isActive: true } });
  const active = new Set(found.filter((a) => a.isActive).map((a) => a.id));
  const known = new Set(found.map((a) => a.id));
  const fields = accountIds.flatMap((id, i) =>
    active.has(id) ? [] : [{ path: `lines.${i}.accountId`, message: known.has(id) ? "the account is inactive" : "no such account" }],
  );
  if (fields.length > 0) throw new AppError("validation_failed", "Some lines name unknown or inactive accounts.", { fields });
}
