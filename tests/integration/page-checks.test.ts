import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentAdmin, tenantPage } from "@/lib/api/pages";
import { issueToken } from "@/lib/auth/tokens";
import type { TenantRecord } from "@/lib/tenancy/types";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";
import { verifyToken } from "@/lib/auth/tokens";
import { pageOutcome } from "@/tests/helpers/pages";

// The Node-side checks pages make, as if the middleware had been skipped
// (CVE-2025-29927): /t/<tenant> must match the host, and a session counts
// only on its own tenant's host.

let a: TenantRecord;
let b: TenantRecord;
let userA: TestUser;
let sessionA: string;

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant: a } = await makeTenant());
  ({ tenant: b } = await makeTenant());
  userA = await makeUser(a, ["Viewer"], "Vera Viewer");
  sessionA = (await issueToken(userA.principal, { use: "session" })).token;
});

const h = (o: Record<string, string>) => new Headers(o);
const notFoundOf = async (p: Promise<unknown>) => (await pageOutcome(p)) === "not found";

describe("tenant pages", () => {
  it("render for the host's own tenant with its signed-in user", async () => {
    const page = await tenantPage(a.slug, h({ host: `${a.slug}.localhost:3000`, cookie: `bisman.session=${sessionA}` }));
    expect(page.tenant.id).toBe(a.id);
    expect(page.principal?.name).toBe("Vera Viewer");
  });

  it("/t/<a> reached on the apex or on B's host (middleware skipped) → 404, even with a spoofed edge header in production terms", async () => {
    expect(await notFoundOf(tenantPage(a.slug, h({ host: "localhost:3000" })))).toBe(true);
    expect(await notFoundOf(tenantPage(a.slug, h({ host: `${b.slug}.localhost:3000`, "x-bisman-tenant": a.slug })))).toBe(true);
    expect(await notFoundOf(tenantPage(a.slug, h({ host: "127.0.0.1:3000" })))).toBe(true);
  });

  it("A's session cookie on B's host is not a session there", async () => {
    const page = await tenantPage(b.slug, h({ host: `${b.slug}.localhost:3000`, cookie: `bisman.session=${sessionA}` }));
    expect(page.tenant.id).toBe(b.id);
    expect(page.principal).toBeNull();
  });

  it("an API access token in the cookie, or a garbage cookie, is not a session", async () => {
    for (const cookie of [`bisman.session=${userA.token}`, "bisman.session=abc.def.ghi"]) {
      expect((await tenantPage(a.slug, h({ host: `${a.slug}.localhost:3000`, cookie }))).principal).toBeNull();
    }
  });

  it("an unknown tenant's host → 404", async () => {
    expect(await notFoundOf(tenantPage("nosuchtenant", h({ host: "nosuchtenant.localhost:3000" })))).toBe(true);
  });
});

describe("admin pages", () => {
  it("accept an admin session on the apex only, never a client user's", async () => {
    const adminSession = (await issueToken(await verifyToken(await makeEnterpriseAdminToken()), { use: "session" })).token;
    expect(await currentAdmin(h({ host: "localhost:3000", cookie: `bisman.session=${adminSession}` }))).toMatchObject({ kind: "enterprise-admin" });
    expect(await currentAdmin(h({ host: `${a.slug}.localhost:3000`, cookie: `bisman.session=${adminSession}` }))).toBeNull();
    expect(await currentAdmin(h({ host: "localhost:3000", cookie: `bisman.session=${sessionA}` }))).toBeNull();
  });
});
