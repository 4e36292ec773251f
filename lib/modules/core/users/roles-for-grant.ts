import { AppError } from "../../../errors";
import type { ClientDb, TenantContext } from "../../../tenancy/types";
import { assertMayGrant } from "../rbac/escalation";

type Tx = Pick<ClientDb, "role">;

/** Loads the roles by id (all must exist in this tenant, else 422 naming them) and checks the actor may grant them. */
export async function rolesForGrant(ctx: TenantContext, tx: Tx, roleIds: readonly string[]): Promise<{ id: string; name: string; permissions: string[] }[]> {
  const ids = [...new Set(roleIds)];
  if (ids.length === 0) return [];
  const roles = await tx.role.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, permissions: { select: { permission: true } } } });
  const missing = ids.filter((id) => !roles.some((r) => r.id === id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", "Some roles do not exist.", { fields: missing.map((id) => ({ path: "roles", message: `no role ${id}` })) });
  }
  const views = roles.map((r) => ({ id: r.id, name: r.name, permissions: r.permissions.map((p) => p.permission) }));
  await assertMayGrant(
    ctx,
    views.flatMap((r) => r.permissions),
    "effective",
  );
  return views;
}
