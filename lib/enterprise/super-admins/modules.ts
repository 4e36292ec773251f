import type { EnterpriseDb } from "../../db/enterprise";
import { AppError } from "../../errors";

type Tx = Parameters<Parameters<EnterpriseDb["$transaction"]>[0]>[0];

/** The catalogue ids of these module keys; an unknown key is a 422 naming it. */
export async function moduleIdsOf(tx: EnterpriseDb | Tx, keys: string[], path = "modules"): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await tx.module.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const unknown = keys.filter((k) => !rows.some((r) => r.key === k));
  if (unknown.length > 0) throw new AppError("validation_failed", "Unknown module.", { fields: [{ path, message: `unknown module: ${unknown.join(", ")}` }] });
  return rows.map((r) => r.id);
}
