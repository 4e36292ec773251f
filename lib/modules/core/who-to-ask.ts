import { OWNER_ROLE } from "./rbac/system-roles";
import type { TenantContext } from "../../tenancy/types";

// Whom a signed-in user with no access is told to ask: the tenant's active
// Owners (the system role every tenant starts with), then its Admins, by name.
// Names only, a handful: enough to know whom to ask, not a directory.

const ASKABLE_ROLES = [OWNER_ROLE, "Admin"] as const;

export async function whoToAsk(ctx: TenantContext, limit = 5): Promise<string[]> {
  const users = await ctx.db.user.findMany({
    where: { isActive: true, id: { not: ctx.principal.id }, roles: { some: { role: { isSystem: true, name: { in: [...ASKABLE_ROLES] } } } } },
    select: { name: true, roles: { select: { role: { select: { name: true } } } } },
    orderBy: { name: "asc" },
    take: 50,
  });
  const rank = (u: (typeof users)[number]) => (u.roles.some((r) => r.role.name === OWNER_ROLE) ? 0 : 1);
  return users
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit)
    .map((u) => u.name);
}
