import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { actorAccess, moduleOf } from "./access";

// No privilege escalation: a user may grant (through a role's permissions or
// a role assignment) only permissions they hold themselves right now.
//
// `scope: "effective"` (role assignment) checks only the permissions that are in
// force in this tenant: a system role also lists permissions of modules the
// tenant lacks, which grant nothing until the module is added. Editing a
// role's permissions checks every permission written ("all").
export async function assertMayGrant(ctx: TenantContext, permissions: Iterable<string>, scope: "all" | "effective" = "all"): Promise<void> {
  const access = await actorAccess(ctx);
  const modules = new Set(ctx.tenant.modules);
  const relevant = [...new Set(permissions)].filter((p) => scope === "all" || modules.has(moduleOf(p)));
  const missing = relevant.filter((p) => !access.permissions.has(p as never));
  if (missing.length > 0) throw new AppError("forbidden", `You cannot grant permissions you do not hold: ${missing.sort().join(", ")}.`);
}

/** Roles loaded with their permissions, as acting on a user needs them. */
export const rolePermissionsSelect = { select: { role: { select: { id: true, name: true, permissions: { select: { permission: true } } } } } } as const;

/**
 * Acting on a user (deactivating them, handing out their password link) takes every permission they hold
 * in force here: nobody takes over or locks out an account more powerful than their own (403).
 */
export async function assertMayActOn(ctx: TenantContext, user: { roles: { role: { permissions: { permission: string }[] } }[] }): Promise<void> {
  await assertMayGrant(
    ctx,
    user.roles.flatMap((r) => r.role.permissions.map((p) => p.permission)),
    "effective",
  );
}
