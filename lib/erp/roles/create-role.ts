import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { assertMayGrant } from "../rbac/escalation";
import { isUniqueViolation } from "../db-errors";
import type { CreateRoleRequest, RoleView } from "./roles.types";
import { roleSelect, toRoleView } from "./view";

export async function createRole(ctx: TenantContext, input: CreateRoleRequest): Promise<RoleView> {
  const permissions = [...new Set(input.permissions ?? [])];
  await assertMayGrant(ctx, permissions);
  try {
    const role = await ctx.db.role.create({
      data: { name: input.name, description: input.description ?? "", isSystem: false, permissions: { create: permissions.map((permission) => ({ permission })) } },
      select: roleSelect,
    });
    return toRoleView(role);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "A role with this name exists.");
    throw err;
  }
}
