import { randomUUID } from "node:crypto";
import type { Principal } from "@/lib/edge/principal";
import { issueToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { getTenant } from "@/lib/tenancy/registry";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";

// Auth/RBAC test worlds: tenants provisioned through the real provisioning
// service, users inserted in their databases, tokens minted for them.

export const OWNER_PASSWORD = "owner-password-123";

/** A tenant from the shared factory (tests/factories/tenant.ts), as the registry sees it. Drop with destroyTenants(). */
export async function makeTenant(opts: { modules?: string[] } = {}): Promise<{ tenant: TenantRecord; owner: { email: string; password: string } }> {
  const t = await createTenant({ modules: opts.modules, adminName: "Olive Owner", adminPassword: OWNER_PASSWORD });
  const tenant = await getTenant(t.id);
  if (!tenant) throw new Error("tenant not found after provisioning");
  return { tenant, owner: { email: t.adminEmail, password: t.adminPassword } };
}

export { destroyTenants };

export interface TestUser {
  principal: Extract<Principal, { kind: "client-user" }>;
  token: string;
}

/** A user with the named roles (system or custom), no password, and an access token. */
export async function makeUser(tenant: TenantRecord, roleNames: string[] = [], name = "Test User"): Promise<TestUser> {
  const email = `u-${randomUUID()}@${tenant.slug}.test`;
  const user = await withTenantDb(tenant, async (db) => {
    const roles = await db.role.findMany({ where: { name: { in: roleNames } } });
    if (roles.length !== roleNames.length) throw new Error(`missing roles among ${roleNames.join(",")}`);
    return db.user.create({ data: { email, name, roles: { create: roles.map((r) => ({ roleId: r.id })) } } });
  });
  const principal = { kind: "client-user" as const, id: user.id, email, name, tenantId: tenant.id, tenantSlug: tenant.slug };
  return { principal, token: (await issueToken(principal)).token };
}

export async function makeEnterpriseAdminToken(): Promise<string> {
  const a = await enterpriseDb().enterpriseAdmin.create({ data: { email: `ea-${randomUUID()}@e.test`, name: "EA", passwordHash: "x" } });
  return (await issueToken({ kind: "enterprise-admin", id: a.id, email: a.email, name: a.name })).token;
}

export async function makeSuperAdminToken(modules = ["core", "ledger"]): Promise<string> {
  const a = await enterpriseDb().superAdmin.create({ data: { email: `sa-${randomUUID()}@e.test`, name: "SA", passwordHash: "x" } });
  return (await issueToken({ kind: "super-admin", id: a.id, email: a.email, name: a.name, modules })).token;
}

/** Headers naming a tenant the way an API client does. */
export const tenantHeaders = (t: TenantRecord) => ({ "x-tenant-id": t.slug });
