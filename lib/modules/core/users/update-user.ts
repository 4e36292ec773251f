import { appendTenantAudit } from "../../../audit";
import { accessChanged } from "../rbac/access";
import { sessionsNotBefore } from "../../../auth/tokens";
import { ADVISORY_LOCKS } from "../../../db/locks";
import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { actingUserId, auditActor } from "../actor";
import { assertMayActOn, rolePermissionsSelect } from "../rbac/escalation";
import { OWNER_ROLE } from "../rbac/system-roles";
import type { UpdateUserRequest, UserView } from "./users.types";
import { toUserView, userSelect } from "./view";

/**
 * Renames, deactivates or reactivates a user of the tenant (another tenant's id → 404).
 * A deactivated user is refused from their next request on (their access is loaded
 * per request) and cannot sign in; nothing of theirs is deleted. Deactivating or
 * reactivating someone takes every permission they hold (no acting on a user more
 * powerful than oneself: 403); nobody deactivates themselves, and the tenant keeps an
 * active Owner (409). A no-op writes nothing.
 */
export async function updateUser(ctx: TenantContext, userId: string, input: UpdateUserRequest): Promise<UserView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      // Lock the row: two admins changing one user take turns, and the Owner count below sees the other's change.
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${userId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new AppError("not_found", "No such user.");
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { ...userSelect, roles: rolePermissionsSelect } });

      const statusChange = input.isActive !== undefined && input.isActive !== user.isActive;
      const rename = input.name !== undefined && input.name !== user.name;
      if (!statusChange && !rename) return toUserView(user);

      if (statusChange) {
        if (userId === actingUserId(ctx)) throw new AppError("conflict", "You cannot deactivate or reactivate yourself.");
      }
      // Every change of a user (a rename too) takes every permission they hold (issue 10, finding 5).
      await assertMayActOn(ctx, user);
      // Deactivation also ends, for good, every token issued so far: reactivating revives none of them.
      const notBefore = statusChange && !input.isActive ? sessionsNotBefore("all") : undefined;
      const updated = await tx.user.update({
        where: { id: userId },
        data: { name: input.name, isActive: input.isActive, sessionsNotBefore: notBefore },
        select: userSelect,
      });
      if (statusChange && !input.isActive) {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.tenantOwners})`;
        const owners = await tx.userRole.count({ where: { role: { name: OWNER_ROLE, isSystem: true }, user: { isActive: true } } });
        if (owners === 0) throw new AppError("conflict", "The tenant must keep at least one active Owner.");
      }
      const action = statusChange ? (input.isActive ? "user.reactivated" : "user.deactivated") : "user.updated";
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action,
        targetType: "user",
        targetId: userId,
        metadata: { email: user.email, ...(rename ? { name: { from: user.name, to: input.name! } } : {}) },
      });
      return toUserView(updated);
    });
  } finally {
    // Whatever committed, every instance re-reads this tenant's access on the next request.
    await accessChanged(ctx.tenant.id);
  }
}
