import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setInitialPasswordCore } from "@/app/t/[tenant]/setup/action-cores";
import { verifyTenantAuditChain } from "@/lib/audit";
import { needsRehash, verifyPassword } from "@/lib/auth/password";
import { findSetupInvitation } from "@/lib/modules/core/users/find-setup-invitation";
import { SETUP_LINK_SPENT } from "@/lib/modules/core/users/setup-token";
import { createClient, issueSetupToken } from "@/lib/provisioning";
import { withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { randomSlug } from "@/tests/factories/tenant";
import { call } from "@/tests/helpers/http";
import { destroyTenants } from "@/tests/helpers/tenants";
const { POST: clientLogin } = routeHandlers("/api/client/auth/login");

// The setup link's page action: a client created without adminPassword hands out
// /setup?token=…; the visitor (no session) sets the first admin's password once.
// Through the real provisioning service and the action core, as the browser's
// server action calls it (host header = the tenant's host).

interface Invited {
  tenant: TenantRecord;
  email: string;
  userId: string;
  token: string;
}

async function invitedTenant(name: string): Promise<Invited> {
  const slug = randomSlug("s");
  const email = `first@${slug}.test`;
  const { body } = await createClient({ name, slug, adminEmail: email, adminName: "First Admin" }, { type: "system", id: null });
  expect(body.setupLink).toBeDefined();
  const token = new URL(body.setupLink!).searchParams.get("token")!;
  const tenant = (await getTenant(body.clientId))!;
  const userId = await withTenantDb(tenant, async (db) => (await db.user.findUniqueOrThrow({ where: { email } })).id);
  return { tenant, email, userId, token };
}

let n = 0;
/** Headers of the browser's server-action POST on a tenant's host; each call its own address unless given. */
function onHost(t: TenantRecord, ip = `10.9.${Math.floor(n / 250)}.${n++ % 250}`): Headers {
  const origin = `http://${t.slug}.localhost:3000`;
  return new Headers({ host: `${t.slug}.localhost:3000`, origin, "x-bisman-tenant": t.slug, "x-forwarded-for": ip, "sec-fetch-site": "same-origin" });
}

const submit = (t: TenantRecord, token: string, password: string, ip?: string, confirmPassword = password) =>
  setInitialPasswordCore(onHost(t, ip), { token, password, confirmPassword });

const stored = (x: Invited) =>
  withTenantDb(x.tenant, (db) => db.user.findUniqueOrThrow({ where: { id: x.userId }, select: { passwordHash: true } })).then((u) => u.passwordHash);
const setAudits = (x: Invited) => withTenantDb(x.tenant, (db) => db.auditLog.findMany({ where: { action: "user.password_set" } }));

async function login(t: TenantRecord, email: string, password: string): Promise<number> {
  return (
    await call(clientLogin, "/api/client/auth/login", {
      host: `${t.slug}.localhost:3000`,
      headers: { "x-forwarded-for": `10.8.0.${n++ % 250}` },
      body: { email, password },
    })
  ).status;
}

function expectSpent(r: Awaited<ReturnType<typeof submit>>): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.problem.status).toBe(404);
  expect(r.problem.detail).toBe(SETUP_LINK_SPENT);
}

let a: Invited;
let b: Invited;
let c: Invited;
const PASSWORD = "first-admin-password-1";

afterAll(() => destroyTenants());
beforeAll(async () => {
  a = await invitedTenant("Alpha Setup Ltd");
  b = await invitedTenant("Beta Setup Ltd");
  c = await invitedTenant("Gamma Setup Ltd");
});

describe("setup link", () => {
  it("the page finds the invited admin for a fresh link on its own tenant, and nobody for anything else", async () => {
    expect(await findSetupInvitation(a.tenant, a.token)).toEqual({ email: a.email, name: "First Admin" });
    expect(await findSetupInvitation(b.tenant, a.token)).toBeNull();
    expect(await findSetupInvitation(a.tenant, `${a.token}x`)).toBeNull();
    expect(await findSetupInvitation(a.tenant, "garbage")).toBeNull();
  });

  it("a weak or mismatched password gets a field error and changes nothing", async () => {
    const weak = await submit(a.tenant, a.token, "short-pw");
    expect(weak.ok).toBe(false);
    if (!weak.ok) {
      expect(weak.problem.status).toBe(422);
      expect(weak.problem.errors?.map((e) => e.path)).toEqual(["password"]);
    }
    const mismatch = await submit(a.tenant, a.token, PASSWORD, undefined, `${PASSWORD}!`);
    expect(mismatch.ok).toBe(false);
    if (!mismatch.ok) {
      expect(mismatch.problem.status).toBe(422);
      expect(mismatch.problem.errors?.map((e) => e.path)).toEqual(["confirmPassword"]);
    }
    expect(await stored(a)).toBeNull();
    expect(await setAudits(a)).toEqual([]);
    expect(await findSetupInvitation(a.tenant, a.token)).not.toBeNull();
  });

  it("tenant A's link on tenant B's host is refused, and neither user changes", async () => {
    expectSpent(await submit(b.tenant, a.token, PASSWORD));
    expect(await stored(a)).toBeNull();
    expect(await stored(b)).toBeNull();
  });

  it("tampered, re-targeted and expired tokens are refused", async () => {
    const [body, sig] = a.token.split(".") as [string, string];
    const flipped = `${body}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`;
    // A payload naming B's user on A with A's signature.
    const retargeted = `${Buffer.from(`${a.tenant.id}.${b.userId}.${Math.floor(Date.now() / 1000) + 3600}`).toString("base64url")}.${sig}`;
    const expired = issueSetupToken(a.tenant.id, a.userId, 60, Date.now() - 3600_000);
    for (const token of [flipped, retargeted, expired, "nothing-here", `${body}.`]) {
      expectSpent(await submit(a.tenant, token, PASSWORD));
      expect(await findSetupInvitation(a.tenant, token)).toBeNull();
    }
    expect(await stored(a)).toBeNull();
  });

  it("a valid link sets an argon2id password once: the user signs in with it, and the link is spent", async () => {
    const r = await submit(a.tenant, a.token, PASSWORD);
    expect(r).toEqual({ ok: true, data: { email: a.email, redirectTo: `/sign-in?${new URLSearchParams({ email: a.email, setup: "done" })}` } });
    const hash = await stored(a);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(needsRehash(hash!)).toBe(false);
    expect(await verifyPassword(hash!, PASSWORD)).toBe(true);

    expect(await login(a.tenant, a.email, PASSWORD)).toBe(200);
    expect(await login(a.tenant, a.email, "some-other-password")).toBe(401);

    const audits = await setAudits(a);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorType: "client-user", actorId: a.userId, targetType: "user", targetId: a.userId });
    expect(JSON.stringify(audits[0]!.metadata)).not.toContain(PASSWORD);
    expect((await withTenantDb(a.tenant, (db) => verifyTenantAuditChain(db))).ok).toBe(true);

    // Second use: refused, the password stays.
    expectSpent(await submit(a.tenant, a.token, "another-password-123"));
    expect(await stored(a)).toBe(hash);
    expect(await findSetupInvitation(a.tenant, a.token)).toBeNull();
    expect(await login(a.tenant, a.email, "another-password-123")).toBe(401);
  });

  it("two racing submissions of one link set the password once", async () => {
    const results = await Promise.all([submit(c.tenant, c.token, "racer-one-password"), submit(c.tenant, c.token, "racer-two-password")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expectSpent(results.find((r) => !r.ok)!);
    const winner = results[0]!.ok ? "racer-one-password" : "racer-two-password";
    expect(await login(c.tenant, c.email, winner)).toBe(200);
    expect(await setAudits(c)).toHaveLength(1);
  });

  it("refusals are rate-limited per address: past 10, even a good link waits (and is not spent)", async () => {
    const ip = "10.7.7.7";
    for (let i = 0; i < 10; i++) expectSpent(await submit(b.tenant, `forged-${i}.x`, PASSWORD, ip));
    const limited = await submit(b.tenant, b.token, PASSWORD, ip);
    expect(limited.ok).toBe(false);
    if (!limited.ok) expect(limited.problem.status).toBe(429);
    expect(await stored(b)).toBeNull();
  });

  it("a deactivated user's link is refused", async () => {
    await withTenantDb(b.tenant, (db) => db.user.update({ where: { id: b.userId }, data: { isActive: false } }));
    expect(await findSetupInvitation(b.tenant, b.token)).toBeNull();
    expectSpent(await submit(b.tenant, b.token, PASSWORD));
    expect(await stored(b)).toBeNull();
  });

  it("a cross-origin post is refused before anything is read", async () => {
    const h = onHost(c.tenant);
    h.set("origin", `http://${a.tenant.slug}.localhost:3000`);
    h.delete("sec-fetch-site");
    const r = await setInitialPasswordCore(h, { token: c.token, password: PASSWORD, confirmPassword: PASSWORD });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.status).toBe(403);
  });
});
