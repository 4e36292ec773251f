import { appendEnterpriseAudit } from "../audit";
import type { Principal } from "../edge/principal";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { OWNER_ROLE } from "../modules/core/rbac/system-roles";
import { AppError } from "../errors";
import { withTenantContext } from "../tenancy/connections";
import { getTenant } from "../tenancy/registry";
import { issueSetupToken, setupLink, SETUP_LINK_TTL_SECONDS } from "../auth/setup-link";

// POST /api/enterprise/clients/:id/setup-link (and /api/super-admin/… for an
// assigned client) — a new one-time setup link for a client's first admin whose
// link expired or was lost. Only an Owner who has
// never set a password can get one (a link never replaces a password: that
// would be a password reset, which belongs to the tenant's own admins). Links
// are stateless (setup-link.ts): an older, unexpired link stays valid until
// either is used, and using one spends both, since both require passwordHash null.

export interface SetupLinkIssued {
  setupLink: string;
  email: string;
  expiresAt: string;
}

export async function reissueSetupLink(
  clientId: string,
  input: { email?: string },
  actor: { principal: Extract<Principal, { kind: "enterprise-admin" | "super-admin" }>; ip?: string | null },
  db: EnterpriseDb = enterpriseDb(),
): Promise<SetupLinkIssued> {
  const tenant = await getTenant(clientId, db);
  if (!tenant) throw new AppError("not_found", "No such client.");
  if (tenant.status !== "ACTIVE") throw new AppError("conflict", `The client is ${tenant.status.toLowerCase()}; a setup link works only for an active client.`);

  const user = await withTenantContext(tenant, actor.principal, (ctx) =>
    ctx.db.user.findFirst({
      where: { passwordHash: null, isActive: true, ...(input.email ? { email: input.email } : {}), roles: { some: { role: { name: OWNER_ROLE } } } },
      orderBy: { createdAt: "asc" },
      select: { id: true, email: true },
    }),
  );
  if (!user) {
    throw new AppError(
      "conflict",
      input.email ? `${input.email} is not an owner waiting to set a password.` : "Every owner of this client has already set a password.",
    );
  }

  const now = Date.now();
  const token = issueSetupToken(tenant.id, user.id, SETUP_LINK_TTL_SECONDS, now);
  await appendEnterpriseAudit(db, {
    actorType: actor.principal.kind,
    actorId: actor.principal.id,
    ip: actor.ip ?? null,
    action: "client.setup_link_issued",
    targetType: "client",
    targetId: tenant.id,
    clientId: tenant.id,
    metadata: { email: user.email },
  });
  return { setupLink: setupLink(tenant.slug, token), email: user.email, expiresAt: new Date(now + SETUP_LINK_TTL_SECONDS * 1000).toISOString() };
}
