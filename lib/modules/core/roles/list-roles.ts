import type { TenantContext } from "../../../tenancy/types";
import type { RoleView } from "./roles.types";
import { roleSelect, toRoleView } from "./view";

export async function listRoles(ctx: TenantContext): Promise<RoleView[]> {
  const roles = await ctx.db.role.findMany({ select: roleSelect, orderBy: [{ isSystem: "desc" }, { name: "asc" }] });
  return roles.map(toRoleView);
}
