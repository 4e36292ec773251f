import { z } from "zod";
import { accessChanged } from "./rbac/access";
import { appendTenantAudit } from "../../audit";
import { hashPassword, verifyPassword } from "../../auth/password";
import { sessionsNotBefore } from "../../auth/tokens";
import { AppError } from "../../errors";
import { auditActor } from "./actor";
import { ZCreateUserRequest } from "./users/users.types";
import type { TenantContext } from "../../tenancy/types";

// A signed-in tenant user changes their own password (/account/password): the
// current password first (a session left open on a shared computer must not be
// enough), then the new one twice. Every session ends (sessionsNotBefore:
// tokens of earlier seconds), as after a reset: whoever knew the old password
// is out; the user signs in again with the new one. Audited as
// user.password_changed; nothing about the passwords is recorded.

export const ZChangePasswordRequest = z
  .object({
    currentPassword: z.string().min(1, "is required").max(1024),
    newPassword: ZCreateUserRequest.shape.password,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "does not match the new password" })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ["newPassword"], message: "must differ from the current password" });
export type ChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export async function changePassword(ctx: TenantContext, input: ChangePasswordRequest): Promise<{ email: string }> {
  if (ctx.principal.kind !== "client-user") throw new AppError("forbidden", "Only the user themselves can change their password here.");
  const userId = ctx.principal.id;
  const user = await ctx.db.user.findFirst({ where: { id: userId, isActive: true }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("unauthorized", "This account is no longer active.");
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "The current password is not correct.", {
      fields: [{ path: "currentPassword", message: "is not your current password" }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const changed = await ctx.db.$transaction(async (tx) => {
    // Only over the hash just verified: two racing changes cannot both win.
    const r = await tx.user.updateMany({
      where: { id: userId, isActive: true, passwordHash: user.passwordHash },
      data: { passwordHash, sessionsNotBefore: sessionsNotBefore("earlier") },
    });
    if (r.count !== 1) return false;
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "user.password_changed",
      targetType: "user",
      targetId: userId,
      metadata: { via: "self-service" },
    });
    return true;
  });
  await accessChanged(ctx.tenant.id); // sessionsNotBefore moved: older tokens stop at once, everywhere
  if (!changed) throw new AppError("conflict", "The password was changed meanwhile; reload the page and try again.");
  return { email: user.email };
}
