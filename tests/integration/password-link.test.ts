import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setInitialPasswordCore } from "@/app/t/[tenant]/setup/action-cores";
import { issuePasswordLinkCore } from "@/app/t/[tenant]/users/action-cores";
import { issueToken } from "@/lib/auth/tokens";
import { findSetupInvitation } from "@/lib/modules/core/users/find-setup-invitation";
import { SETUP_LINK_SPENT } from "@/lib/modules/core/users/setup-token";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: listAccounts } = routeHandlers("/api/client/accounts");
const { POST: clientLogin } = routeHandlers("/api/client/auth/login");
const { POST: createRole } = routeHandlers("/api/client/roles");
const { POST: createUser } = routeHandlers("/api/client/users");
const { POST: passwordLink } = routeHandlers("/api/client/users/{id}/password-link");
const { PATCH: updateUser } = routeHandlers("/api/client/users/{id}");

// POST /api/client/users/:id/password-link: a tenant admin hands a user a one-time
// link — a setup link when the user has no password, a reset link replacing a
// forgotten one — used on the tenant's /setup page through its real action core.

let t: TenantRecord;
let other: TenantRecord;
let owner: TestUser;
let n = 0;
const host = (x: TenantRecord) =>
  new Headers({ host: `${x.slug}.localhost:3000`, origin: `http://${x.slug}.localhost:3000`, "x-bisman-tenant": x.slug, "x-forwarded-for": `10.83.0.${++n}` });
const issue = (actor: TestUser, id: string) =>
  call(passwordLink, `/api/client/users/${id}/password-link`, { method: "POST", token: actor.token, headers: tenantHeaders(t), params: { id } });
const tokenOf = (link: string) => new URL(link).searchParams.get("token")!;
const use = (link: string, password: string, on: TenantRecord = t) =>
  setInitialPasswordCore(host(on), { token: tokenOf(link), password, confirmPassword: password });
const login = (email: string, password: string) =>
  call(clientLogin, "/x", { host: `${t.slug}.localhost:3000`, headers: { "x-forwarded-for": `10.84.0.${++n}` }, body: { email, password } });
const spent = (r: Awaited<ReturnType<typeof use>>) => (r.ok ? "used" : r.problem.detail);

beforeAll(async () => {
  ({ tenant: t } = await makeTenant());
  ({ tenant: other } = await makeTenant());
  owner = await makeUser(t, ["Owner"]);
});
afterAll(() => destroyTenants());

async function userWithPassword(email: string, password: string): Promise<string> {
  const r = await call(createUser, "/x", { token: owner.token, headers: tenantHeaders(t), body: { email, name: "Pat Forgetful", password } });
  expect(r.status).toBe(201);
  return r.body.id;
}

describe("a reset link", () => {
  it("replaces a forgotten password once, ends earlier sessions, and is audited without the link", async () => {
    const email = `pat@${t.slug}.test`;
    const id = await userWithPassword(email, "forgotten-password-1");
    const before = (
      await issueToken({ kind: "client-user", id, email, name: "Pat Forgetful", tenantId: t.id, tenantSlug: t.slug }, { now: Date.now() - 2_000 })
    ).token;
    expect((await call(listAccounts, "/x", { token: before, headers: tenantHeaders(t) })).status).toBe(403); // signed in (no ledger role), not refused

    const r = await issue(owner, id);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ email, kind: "reset" });
    expect(r.body.link.startsWith(`http://${t.slug}.localhost:`)).toBe(true);
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(await findSetupInvitation(t, tokenOf(r.body.link))).toEqual({ email, name: "Pat Forgetful" });
    expect(spent(await use(r.body.link, "new-password-12345", other))).toBe(SETUP_LINK_SPENT); // not on another tenant's host

    expect(spent(await use(r.body.link, "new-password-12345"))).toBe("used");
    expect((await login(email, "forgotten-password-1")).status).toBe(401);
    expect((await login(email, "new-password-12345")).status).toBe(200);
    expect(spent(await use(r.body.link, "third-password-123"))).toBe(SETUP_LINK_SPENT); // spent by the reset
    expect(await findSetupInvitation(t, tokenOf(r.body.link))).toBeNull();
    expect((await call(listAccounts, "/x", { token: before, headers: tenantHeaders(t) })).status).toBe(401); // the earlier session ended

    const audit = await withTenantDb(t, (db) =>
      db.auditLog.findMany({ where: { targetId: id, action: { in: ["user.password_link_issued", "user.password_set"] } }, orderBy: { id: "asc" } }),
    );
    expect(audit.map((a) => [a.action, a.metadata])).toEqual([
      ["user.password_link_issued", { email, kind: "reset" }],
      ["user.password_set", { via: "reset-link" }],
    ]);
    expect(JSON.stringify(audit.map((a) => a.metadata))).not.toContain(tokenOf(r.body.link));
  });

  it("is spent by any other change of the password: of two links, the second used is refused", async () => {
    const email = `twice@${t.slug}.test`;
    const id = await userWithPassword(email, "original-password-1");
    const [first, second] = [await issue(owner, id), await issue(owner, id)];
    expect(spent(await use(second.body.link, "second-password-12"))).toBe("used");
    expect(spent(await use(first.body.link, "first-password-123"))).toBe(SETUP_LINK_SPENT);
    expect((await login(email, "second-password-12")).status).toBe(200);
  });
});

describe("a setup link from the users page", () => {
  it("is a setup link (7 days) for a user who never had a password", async () => {
    const u = await makeUser(t, ["Viewer"], "Nova Newcomer");
    const r = await issue(owner, u.principal.id);
    expect(r.body).toMatchObject({ email: u.principal.email, kind: "setup" });
    expect(Date.parse(r.body.expiresAt) - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    expect(spent(await use(r.body.link, "newcomer-password-1"))).toBe("used");
    expect((await login(u.principal.email, "newcomer-password-1")).status).toBe(200);
  });
});

describe("who may issue one", () => {
  it("only someone holding every permission the user has, and only for an active user", async () => {
    const role = await call(createRole, "/x", {
      token: owner.token,
      headers: tenantHeaders(t),
      body: { name: "Helpdesk", permissions: ["core:users:read", "core:users:write"] },
    });
    expect(role.status).toBe(201);
    const helpdesk = await makeUser(t, ["Helpdesk"]);
    const accountant = await makeUser(t, ["Accountant"]);
    expect((await issue(helpdesk, accountant.principal.id)).status).toBe(403);
    expect((await issue(helpdesk, owner.principal.id)).status).toBe(403); // no taking over the Owner
    const viewerless = await makeUser(t, []);
    expect((await issue(helpdesk, viewerless.principal.id)).status).toBe(201);

    await call(updateUser, "/x", {
      method: "PATCH",
      token: owner.token,
      headers: tenantHeaders(t),
      params: { id: accountant.principal.id },
      body: { isActive: false },
    });
    expect((await issue(owner, accountant.principal.id)).status).toBe(409);
  });
});

describe("the users page's action", () => {
  it("issues the same link through the service, as the browser's session calls it", async () => {
    const session = (await issueToken(owner.principal, { use: "session" })).token;
    const h = new Headers({
      host: `${t.slug}.localhost:3000`,
      origin: `http://${t.slug}.localhost:3000`,
      "x-bisman-tenant": t.slug,
      cookie: `bisman.session=${session}`,
    });
    const u = await makeUser(t, ["Viewer"]);
    const r = await issuePasswordLinkCore(h, { id: u.principal.id });
    expect(r.ok ? { kind: r.data.kind, email: r.data.email } : r.problem).toEqual({ kind: "setup", email: u.principal.email });
    if (r.ok) expect(await findSetupInvitation(t, tokenOf(r.data.link))).toMatchObject({ email: u.principal.email });
  });
});
