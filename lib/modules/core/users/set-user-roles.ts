import { appendTenantAudit } from "../../../audit";
import { accessChanged } from "../rbac/access";
import { ADVISORY_LOCKS } from "../../../db/locks";
import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { auditActor } from "../actor";
import { assertMayActOn, assertMayGrant, rolePermissionsSelect } from "../rbac/escalation";
import { OWNER_ROLE } from "../rbac/system-roles";
import { rolesForGrant } from "./roles-for-grant";
import type { SetUserRolesRequest, UserView } from "./users.types";
import { toUserView, userSelect } from "./view";

/**
 * Replaces a user's roles. A user id not in this tenant → 404. The actor must
 * hold every permission of the roles added and removed, and the tenant keeps
 * at least one active Owner.
 */
export async function setUserRoles(ctx: TenantContext, userId: string, input: SetUserRolesRequest): Promise<UserView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { id: true, roles: { select: { roleId: true, ...rolePermissionsSelect.select } } },
      });
      if (!user) throw new AppError("not_found", "No such user.");
      await assertMayActOn(ctx, user); // no changing a user more powerful than oneself, whatever the change (finding 5)
      const next = new Set(input.roles);
      const before = user.roles.map((r) => r.roleId);
      await rolesForGrant(
        ctx,
        tx,
        [...next].filter((id) => !before.includes(id)),
      );
      const removed = before.filter((id) => !next.has(id));
      if (removed.length > 0) {
        const removedRoles = await tx.role.findMany({ where: { id: { in: removed } }, select: { permissions: { select: { permission: true } } } });
        await assertMayGrant(
          ctx,
          removedRoles.flatMap((r) => r.permissions.map((p) => p.permission)),
          "effective",
        );
      }
      await tx.userRole.deleteMany({ where: { userId, roleId: { in: removed } } });
      await tx.userRole.createMany({ data: [...next].filter((id) => !before.includes(id)).map((roleId) => ({ userId, roleId })), skipDuplicates: true });
      // Serialised with deactivation: two changes that each keep "an" Owner cannot together leave none.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.tenantOwners})`;
      const owners = await tx.userRole.count({ where: { role: { name: OWNER_ROLE, isSystem: true }, user: { isActive: true } } });
      if (owners === 0) throw new AppError("conflict", "The tenant must keep at least one Owner.");
      const after = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: userSelect });
      const added = [...next].filter((id) => !before.includes(id));
      if (added.length > 0 || removed.length > 0) {
        const names = new Map(
          (await tx.role.findMany({ where: { id: { in: [...added, ...removed] } }, select: { id: true, name: true } })).map((r) => [r.id, r.name]),
        );
        const named = (ids: string[]) => ids.map((id) => names.get(id) ?? id).sort();
        await appendTenantAudit(tx, {
          ...auditActor(ctx),
          action: "user.roles_changed",
          targetType: "user",
          targetId: userId,
          metadata: { email: after.email, added: named(added), removed: named(removed) },
        });
      }
      return toUserView(after);
    });
  } finally {
    // Whatever committed, every instance re-reads this tenant's access on the next request.
    await accessChanged(ctx.tenant.id);
  }
}
