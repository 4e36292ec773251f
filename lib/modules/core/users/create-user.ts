import { appendTenantAudit } from "../../../audit";
import { hashPassword } from "../../../auth/password";
import { AppError } from "../../../errors";
import type { TenantContext } from "../../../tenancy/types";
import { auditActor } from "../actor";
import { isUniqueViolation } from "../../../db/errors";
import { rolesForGrant } from "./roles-for-grant";
import type { CreateUserRequest, UserView } from "./users.types";
import { toUserView, userSelect } from "./view";

export async function createUser(ctx: TenantContext, input: CreateUserRequest): Promise<UserView> {
  const roles = await rolesForGrant(ctx, ctx.db, input.roles ?? []);
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await ctx.db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, roles: { create: roles.map((r) => ({ roleId: r.id })) } },
        select: userSelect,
      });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        metadata: { email: created.email, roles: roles.map((r) => r.name).sort() },
      });
      return created;
    });
    return toUserView(user);
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", "A user with this email exists.");
    throw err;
  }
}
