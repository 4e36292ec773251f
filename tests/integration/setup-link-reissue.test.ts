import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setInitialPasswordCore } from "@/app/t/[tenant]/setup/action-cores";
import { issueToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { createClient, verifySetupToken } from "@/lib/provisioning";
import { withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { call } from "@/tests/helpers/http";
const { PUT: updateClient } = routeHandlers("/api/enterprise/clients/{id}");
const { POST: reissue } = routeHandlers("/api/enterprise/clients/{id}/setup-link");

// POST /api/enterprise/clients/:id/setup-link: a new one-time link for an owner
// who never set a password (the first link expired or was lost), through the
// real route, the real provisioning service and the setup page's action core.

let admin = "";
let adminId = "";
let tenant: TenantRecord;
let firstLink = "";
const email = (slug: string) => `first@${slug}.test`;

beforeAll(async () => {
  const ea = await enterpriseDb().enterpriseAdmin.create({ data: { email: `ea-${randomSlug()}@x.test`, name: "EA", passwordHash: "x" } });
  adminId = ea.id;
  admin = (await issueToken({ kind: "enterprise-admin", id: ea.id, email: ea.email, name: ea.name })).token;
  const slug = randomSlug("relink");
  const { body } = await createClient({ name: "Relink Ltd", slug, adminEmail: email(slug), adminName: "First Admin" }, { type: "system", id: null });
  firstLink = body.setupLink!;
  tenant = (await getTenant(body.clientId))!;
});
afterAll(() => destroyTenants());

const reissueFor = (id: string, query?: Record<string, string>) =>
  call(reissue, `/api/enterprise/clients/${id}/setup-link`, { method: "POST", token: admin, params: { id }, query });
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const onHost = (t: TenantRecord) =>
  new Headers({ host: `${t.slug}.localhost:3000`, origin: `http://${t.slug}.localhost:3000`, "x-bisman-tenant": t.slug, "x-forwarded-for": "10.7.0.1" });

describe("re-issuing a client's setup link", () => {
  it("answers 404 for an unknown client and 422 for a malformed email", async () => {
    expect((await reissueFor("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const bad = await reissueFor(tenant.id, { email: "not-an-email" });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
  });

  it("refuses an email that is not an owner waiting for a password", async () => {
    const r = await reissueFor(tenant.id, { email: "someone-else@nowhere.test" });
    expect(r.status).toBe(409);
    expect(r.body.detail).toContain("someone-else@nowhere.test");
  });

  it("refuses while the client is suspended", async () => {
    const suspend = await call(updateClient, `/api/enterprise/clients/${tenant.id}`, {
      method: "PUT",
      token: admin,
      params: { id: tenant.id },
      body: { status: "SUSPENDED" },
    });
    expect(suspend.status).toBe(200);
    expect((await reissueFor(tenant.id)).status).toBe(409);
    await call(updateClient, `/api/enterprise/clients/${tenant.id}`, { method: "PUT", token: admin, params: { id: tenant.id }, body: { status: "ACTIVE" } });
  });

  it("issues a working link for the waiting owner, audited; once a password is set, neither link works and no new one is issued", async () => {
    const r = await reissueFor(tenant.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.email).toBe(email(tenant.slug));
    expect(r.body.setupLink.startsWith(`http://${tenant.slug}.localhost:`)).toBe(true);
    const owner = await withTenantDb(tenant, (db) => db.user.findUniqueOrThrow({ where: { email: email(tenant.slug) } }));
    expect(verifySetupToken(tokenOf(r.body.setupLink))).toEqual({ tenantId: tenant.id, userId: owner.id });
    expect(Date.parse(r.body.expiresAt)).toBeGreaterThan(Date.now() + 6 * 24 * 3600_000);
    const audit = await enterpriseDb().auditLog.findFirst({ where: { action: "client.setup_link_issued", targetId: tenant.id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorType: "enterprise-admin", actorId: adminId, clientId: tenant.id });
    expect(JSON.stringify(audit!.metadata)).not.toContain(tokenOf(r.body.setupLink)); // the link is a credential: not in the log

    const password = "reissued-link-password-1";
    const set = await setInitialPasswordCore(onHost(tenant), { token: tokenOf(r.body.setupLink), password, confirmPassword: password });
    expect(set.ok).toBe(true);
    const old = await setInitialPasswordCore(onHost(tenant), {
      token: tokenOf(firstLink),
      password: "another-password-12",
      confirmPassword: "another-password-12",
    });
    expect(old.ok).toBe(false);

    const again = await reissueFor(tenant.id);
    expect(again.status).toBe(409);
    expect(again.body.detail).toBe("Every owner of this client has already set a password.");
  });
});
