import { appendTenantAudit } from "../../../audit";
import { AppError } from "../../../errors";
import { issueSetupToken, RESET_LINK_TTL_SECONDS, setupLink, SETUP_LINK_TTL_SECONDS } from "../../../auth/setup-link";
import type { TenantContext } from "../../../tenancy/types";
import { auditActor } from "../actor";
import { assertMayActOn, rolePermissionsSelect } from "../rbac/escalation";

// POST /api/client/users/:id/password-link — a tenant admin hands a user a
// one-time link to set their password: the first one (a setup link, 7 days) or a
// new one replacing a forgotten password (a reset link, 24 hours, spent by the
// reset or by any other change of the password; the reset also ends the user's
// earlier sessions). The link is a credential: it is answered once and never
// stored or logged. Whoever asks must hold every permission the user has (else
// 403: no taking over a more powerful account), and the user must be active.

export interface PasswordLink {
  link: string;
  email: string;
  kind: "setup" | "reset";
  expiresAt: string;
}

export async function issuePasswordLink(ctx: TenantContext, userId: string): Promise<PasswordLink> {
  const user = await ctx.db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, isActive: true, passwordHash: true, roles: rolePermissionsSelect },
  });
  if (!user) throw new AppError("not_found", "No such user.");
  if (!user.isActive) throw new AppError("conflict", "This user is deactivated; reactivate them first.");
  await assertMayActOn(ctx, user);

  const kind = user.passwordHash === null ? "setup" : "reset";
  const ttl = kind === "setup" ? SETUP_LINK_TTL_SECONDS : RESET_LINK_TTL_SECONDS;
  const now = Date.now();
  const token = issueSetupToken(ctx.tenant.id, user.id, ttl, now, user.passwordHash ?? undefined);
  await appendTenantAudit(ctx.db, {
    ...auditActor(ctx),
    action: "user.password_link_issued",
    targetType: "user",
    targetId: user.id,
    metadata: { email: user.email, kind },
  });
  return { link: setupLink(ctx.tenant.slug, token), email: user.email, kind, expiresAt: new Date(now + ttl * 1000).toISOString() };
}
