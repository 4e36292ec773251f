import type { TenantContext } from "../../../tenancy/types";
import type { UserView } from "./users.types";
import { toUserView } from "./view";

// One statement (users with their roles), not Prisma's three (users, user roles, roles): with the caller's
// access cached, GET /api/client/users is one tenant round trip (tests/integration/access-cache.test.ts).
// Prisma's relationJoins would do the same everywhere, but it reads nested Decimals through JSON, which
// loses the ledger's exact figures.
export async function listUsers(ctx: TenantContext): Promise<UserView[]> {
  const rows = await ctx.db.$queryRaw<{ id: string; email: string; name: string; isActive: boolean; createdAt: Date; roles: { id: string; name: string }[] }[]>`
    SELECT u."id", u."email", u."name", u."isActive", u."createdAt",
           coalesce(json_agg(json_build_object('id', r."id", 'name', r."name")) FILTER (WHERE r."id" IS NOT NULL), '[]'::json) AS "roles"
    FROM "User" u
    LEFT JOIN "UserRole" ur ON ur."userId" = u."id"
    LEFT JOIN "Role" r ON r."id" = ur."roleId"
    GROUP BY u."id"
    ORDER BY u."email" ASC
    LIMIT 1000`;
  return rows.map((u) => toUserView({ ...u, roles: u.roles.map((role) => ({ role })) }));
}
