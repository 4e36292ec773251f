import { appendTenantAudit } from "../../../audit";
import { accessChanged } from "../rbac/access";
import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { auditActor } from "../actor";
import { assertMayGrant } from "../rbac/escalation";
import type { RoleView, SetRolePermissionsRequest } from "./roles.types";
import { roleSelect, toRoleView } from "./view";

/** Replaces a custom role's permissions. System roles are fixed (409); an id not in this tenant → 404. */
export async function setRolePermissions(ctx: TenantContext, roleId: string, input: SetRolePermissionsRequest): Promise<RoleView> {
  const permissions = [...new Set(input.permissions)];
  try {
    return await ctx.db.$transaction(async (tx) => {
      const role = await tx.role.findUnique({ where: { id: roleId }, select: roleSelect });
      if (!role) throw new AppError("not_found", "No such role.");
      if (role.isSystem) throw new AppError("conflict", "System roles cannot be changed; create a custom role.");
      // Adding and removing both count as granting: taking a permission away from others is as privileged as giving it.
      const before = role.permissions.map((p) => p.permission);
      const changed = [...permissions.filter((p) => !before.includes(p)), ...before.filter((p) => !permissions.includes(p))];
      await assertMayGrant(ctx, changed);
      await tx.rolePermission.deleteMany({ where: { roleId } });
      await tx.rolePermission.createMany({ data: permissions.map((permission) => ({ roleId, permission })) });
      if (changed.length > 0) {
        const added = permissions.filter((p) => !before.includes(p)).sort();
        const removed = before.filter((p) => !permissions.includes(p)).sort();
        await appendTenantAudit(tx, {
          ...auditActor(ctx),
          action: "role.permissions_changed",
          targetType: "role",
          targetId: roleId,
          metadata: { name: role.name, added, removed },
        });
      }
      return toRoleView(await tx.role.findUniqueOrThrow({ where: { id: roleId }, select: roleSelect }));
    });
  } finally {
    // Whatever committed, every instance re-reads this tenant's access on the next request.
    await accessChanged(ctx.tenant.id);
  }
}
