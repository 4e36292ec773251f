import { appendTenantAudit } from "../../../audit";
import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { auditActor } from "../actor";
import { assertMayGrant } from "../rbac/escalation";
import { isUniqueViolation } from "../../../db/errors";
import type { CreateRoleRequest, RoleView } from "./roles.types";
import { roleSelect, toRoleView } from "./view";

export async function createRole(ctx: TenantContext, input: CreateRoleRequest): Promise<RoleView> {
  const permissions = [...new Set(input.permissions ?? [])];
  await assertMayGrant(ctx, permissions);
  try {
    const role = await ctx.db.$transaction(async (tx) => {
      const created = await tx.role.create({
        data: {
          name: input.name,
          description: input.description ?? "",
          isSystem: false,
          permissions: { create: permissions.map((permission) => ({ permission })) },
        },
        select: roleSelect,
      });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "role.created",
        targetType: "role",
        targetId: created.id,
        metadata: { name: created.name, permissions: [...permissions].sort() },
      });
      return created;
    });
    return toRoleView(role);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "A role with this name exists.");
    throw err;
  }
}
