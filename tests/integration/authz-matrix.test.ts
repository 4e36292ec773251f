import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "@/lib/tenancy/types";
import { withTenantDb } from "@/lib/tenancy/connections";
import { issueToken, verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/enterprise/db";
import type { ActionResult } from "@/lib/http/action";
import { call, type Handler } from "@/tests/helpers/http";
import { METHODS, routeFiles, type Method } from "@/tests/helpers/route-source";
import { destroyTenants, makeEnterpriseAdminToken, makeSuperAdminToken, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";

// The authorization matrix: every route file under app/api × every method it
// exports × {own-tenant user with the permission, own-tenant user without it,
// another tenant's user, anonymous, enterprise admin, super admin}. A route
// file or method without an entry here fails the suite, so a new endpoint
// cannot ship without deciding who may call it.
//
// "pass" means authorization let the request through: any status but
// 401/403/404/5xx (the cases send a body the schema refuses, so a pass answers
// 422 or 200 and changes nothing). For routes with an object id, a user of
// another tenant, on their own tenant, naming this tenant's object → 404.

type Actor = "ownWith" | "ownWithout" | "otherTenant" | "anonymous" | "enterpriseAdmin" | "superAdmin";
type Expect = number | "pass";
const ACTORS: Actor[] = ["ownWith", "ownWithout", "otherTenant", "anonymous", "enterpriseAdmin", "superAdmin"];

interface World {
  a: TenantRecord;
  b: TenantRecord;
  ownerA: TestUser;
  plainA: TestUser;
  ownerB: TestUser;
  enterpriseAdmin: string;
  superAdmin: string;
  /** The super admin's id; tenant A is assigned to them. */
  superAdminId: string;
  userIdA: string;
  roleIdA: string;
  /** A VOID journal entry of tenant A: posting or voiding it again answers 409 and changes nothing. */
  entryIdA: string;
  /** An account of tenant A. */
  accountIdA: string;
}

interface Case {
  path: string;
  params?: (w: World) => Record<string, string>;
  body?: unknown;
  expect: Record<Actor, Expect>;
  /** Params naming tenant A's objects, used by tenant B's owner on B: must answer 404. */
  foreignObject?: (w: World) => Record<string, string>;
}

type Entry = { public?: string } & Partial<Record<Method, Case>>;

const clientRoute = (p: string, extra: Partial<Case> = {}): Case => ({
  path: p,
  body: extra.body,
  ...extra,
  expect: { ownWith: "pass", ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403, ...extra.expect },
});
const loginRoute = (p: string): Case => ({
  path: p,
  body: { email: "not-an-email" },
  // Public: everyone reaches validation (422); the answer never depends on who asks.
  expect: { ownWith: 422, ownWithout: 422, otherTenant: 422, anonymous: 422, enterpriseAdmin: 422, superAdmin: 422 },
});

const enterpriseRoute = (p: string, extra: Partial<Case> = {}): Case => ({
  path: p,
  ...extra,
  expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: "pass", superAdmin: 403, ...extra.expect },
});
const NO_SUCH_CLIENT = "00000000-0000-4000-8000-000000000000";
const superAdminRoute = (p: string, extra: Partial<Case> = {}): Case => ({
  path: p,
  ...extra,
  expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: "pass", ...extra.expect },
});

const MATRIX: Record<string, Entry> = {
  // Enterprise control plane (provisioning helper's routes): enterprise admins only.
  "app/api/enterprise/clients/route.ts": { GET: enterpriseRoute("/api/enterprise/clients", { expect: { enterpriseAdmin: 200 } as Record<Actor, Expect> }) },
  "app/api/enterprise/clients/create/route.ts": { POST: enterpriseRoute("/api/enterprise/clients/create", { body: {}, expect: { enterpriseAdmin: 422 } as Record<Actor, Expect> }) },
  "app/api/enterprise/clients/[id]/route.ts": {
    PUT: enterpriseRoute("/api/enterprise/clients/:id", { params: () => ({ id: NO_SUCH_CLIENT }), body: {}, expect: { enterpriseAdmin: 422 } as Record<Actor, Expect> }),
    DELETE: enterpriseRoute("/api/enterprise/clients/:id", { params: () => ({ id: NO_SUCH_CLIENT }), expect: { enterpriseAdmin: 404 } as Record<Actor, Expect> }),
  },
  "app/api/enterprise/clients/[id]/setup-link/route.ts": {
    POST: enterpriseRoute("/api/enterprise/clients/:id/setup-link", { params: () => ({ id: NO_SUCH_CLIENT }), expect: { enterpriseAdmin: 404 } as Record<Actor, Expect> }),
  },
  "app/api/enterprise/audit/route.ts": { GET: enterpriseRoute("/api/enterprise/audit", { expect: { enterpriseAdmin: 200 } as Record<Actor, Expect> }) },
  "app/api/enterprise/audit/verify/route.ts": { GET: enterpriseRoute("/api/enterprise/audit/verify", { expect: { enterpriseAdmin: 200 } as Record<Actor, Expect> }) },
  "app/api/enterprise/shards/route.ts": {
    GET: enterpriseRoute("/api/enterprise/shards", { expect: { enterpriseAdmin: 200 } as Record<Actor, Expect> }),
    POST: enterpriseRoute("/api/enterprise/shards", { body: {}, expect: { enterpriseAdmin: 422 } as Record<Actor, Expect> }),
  },
  "app/api/enterprise/shards/[id]/route.ts": {
    PUT: enterpriseRoute("/api/enterprise/shards/:id", { params: () => ({ id: NO_SUCH_CLIENT }), body: { capacity: 1 }, expect: { enterpriseAdmin: 404 } as Record<Actor, Expect> }),
  },
  "app/api/enterprise/super-admins/route.ts": {
    GET: enterpriseRoute("/api/enterprise/super-admins", { expect: { enterpriseAdmin: 200 } as Record<Actor, Expect> }),
    POST: enterpriseRoute("/api/enterprise/super-admins", { body: {}, expect: { enterpriseAdmin: 422 } as Record<Actor, Expect> }),
  },
  "app/api/enterprise/super-admins/[id]/route.ts": {
    PUT: enterpriseRoute("/api/enterprise/super-admins/:id", { params: () => ({ id: NO_SUCH_CLIENT }), body: {}, expect: { enterpriseAdmin: 422 } as Record<Actor, Expect> }),
  },
  // The catalogue: enterprise admins and super admins (who assign modules).
  "app/api/enterprise/modules/route.ts": { GET: enterpriseRoute("/api/enterprise/modules", { expect: { enterpriseAdmin: 200, superAdmin: 200 } as Record<Actor, Expect> }) },
  // Super admins only, and only for clients assigned to them (tenant A here; others → 404 in super-admin-routes.test.ts).
  "app/api/super-admin/clients/route.ts": { GET: superAdminRoute("/api/super-admin/clients", { expect: { superAdmin: 200 } as Record<Actor, Expect> }) },
  "app/api/super-admin/clients/[id]/assign-module/route.ts": {
    POST: superAdminRoute("/api/super-admin/clients/:id/assign-module", { params: (w) => ({ id: w.a.id }), body: {}, expect: { superAdmin: 422 } as Record<Actor, Expect> }),
  },
  // Tenant A's first owner never set a password: its assigned super admin gets a link (behaviour: super-admin-routes.test.ts).
  "app/api/super-admin/clients/[id]/setup-link/route.ts": {
    POST: superAdminRoute("/api/super-admin/clients/:id/setup-link", { params: (w) => ({ id: w.a.id }), expect: { superAdmin: 201 } as Record<Actor, Expect> }),
  },
  "app/api/super-admin/clients/[id]/users/route.ts": {
    GET: superAdminRoute("/api/super-admin/clients/:id/users", { params: (w) => ({ id: w.a.id }), expect: { superAdmin: 200 } as Record<Actor, Expect> }),
  },

  "app/api/health/route.ts": { public: "liveness probe for load balancers", GET: { path: "/api/health", expect: { ownWith: 200, ownWithout: 200, otherTenant: 200, anonymous: 200, enterpriseAdmin: 200, superAdmin: 200 } } },
  "app/api/openapi.json/route.ts": { public: "API description", GET: { path: "/api/openapi.json", expect: { ownWith: 200, ownWithout: 200, otherTenant: 200, anonymous: 200, enterpriseAdmin: 200, superAdmin: 200 } } },
  // No principal at all: only METRICS_TOKEN opens it (tests/integration/metrics.test.ts); a JWT of any kind is refused.
  "app/api/metrics/route.ts": { public: "Prometheus scrape with METRICS_TOKEN", GET: { path: "/api/metrics", expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 } } },
  "app/api/enterprise/auth/login/route.ts": { public: "sign-in", POST: loginRoute("/api/enterprise/auth/login") },
  "app/api/super-admin/auth/login/route.ts": { public: "sign-in", POST: loginRoute("/api/super-admin/auth/login") },
  "app/api/client/auth/login/route.ts": { public: "sign-in", POST: loginRoute("/api/client/auth/login") },
  "app/api/client/users/route.ts": {
    GET: clientRoute("/api/client/users", { expect: { ownWith: 200 } as Record<Actor, Expect> }),
    POST: clientRoute("/api/client/users", { body: {}, expect: { ownWith: 422 } as Record<Actor, Expect> }),
  },
  "app/api/client/roles/route.ts": {
    GET: clientRoute("/api/client/roles", { expect: { ownWith: 200 } as Record<Actor, Expect> }),
    POST: clientRoute("/api/client/roles", { body: {}, expect: { ownWith: 422 } as Record<Actor, Expect> }),
  },
  "app/api/client/audit/route.ts": { GET: clientRoute("/api/client/audit", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
  "app/api/client/audit/verify/route.ts": { GET: clientRoute("/api/client/audit/verify", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
  "app/api/client/users/[id]/route.ts": {
    // An empty change: the pass answers 200 and changes nothing.
    PATCH: clientRoute("/api/client/users/:id", { params: (w) => ({ id: w.userIdA }), body: {}, expect: { ownWith: 200 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.userIdA }) }),
  },
  "app/api/client/users/[id]/password-link/route.ts": {
    POST: clientRoute("/api/client/users/:id/password-link", { params: (w) => ({ id: w.userIdA }), expect: { ownWith: 201 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.userIdA }) }),
  },
  "app/api/client/users/[id]/roles/route.ts": {
    POST: clientRoute("/api/client/users/:id/roles", { params: (w) => ({ id: w.userIdA }), body: { roles: "x" }, expect: { ownWith: 422 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.userIdA }) }),
  },
  "app/api/client/roles/[id]/permissions/route.ts": {
    POST: clientRoute("/api/client/roles/:id/permissions", { params: (w) => ({ id: w.roleIdA }), body: { permissions: "x" }, expect: { ownWith: 422 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.roleIdA }) }),
  },
  // General ledger (tests/integration/ledger.test.ts has the behaviour).
  "app/api/client/accounts/route.ts": {
    GET: clientRoute("/api/client/accounts", { expect: { ownWith: 200 } as Record<Actor, Expect> }),
    POST: clientRoute("/api/client/accounts", { body: {}, expect: { ownWith: 422 } as Record<Actor, Expect> }),
  },
  "app/api/client/accounts/[id]/route.ts": {
    PATCH: clientRoute("/api/client/accounts/:id", { params: (w) => ({ id: w.accountIdA }), body: { name: "" }, expect: { ownWith: 422 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.accountIdA }) }),
  },
  // Idempotent: tenant A already has accounts, so the pass answers 200 and creates nothing.
  "app/api/client/accounts/defaults/route.ts": { POST: clientRoute("/api/client/accounts/defaults", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
  "app/api/client/transactions/route.ts": {
    GET: clientRoute("/api/client/transactions", { expect: { ownWith: 200 } as Record<Actor, Expect> }),
    POST: clientRoute("/api/client/transactions", { body: {}, expect: { ownWith: 422 } as Record<Actor, Expect> }),
  },
  "app/api/client/transactions/[id]/route.ts": {
    GET: clientRoute("/api/client/transactions/:id", { params: (w) => ({ id: w.entryIdA }), expect: { ownWith: 200 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
    // The entry is VOID: editing or deleting it answers 409 and changes nothing.
    PATCH: clientRoute("/api/client/transactions/:id", { params: (w) => ({ id: w.entryIdA }), body: {}, expect: { ownWith: 409 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
    DELETE: clientRoute("/api/client/transactions/:id", { params: (w) => ({ id: w.entryIdA }), expect: { ownWith: 409 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
  },
  "app/api/client/transactions/[id]/reverse/route.ts": {
    POST: clientRoute("/api/client/transactions/:id/reverse", { params: (w) => ({ id: w.entryIdA }), body: {}, expect: { ownWith: 409 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
  },
  "app/api/client/transactions/[id]/post/route.ts": {
    POST: clientRoute("/api/client/transactions/:id/post", { params: (w) => ({ id: w.entryIdA }), expect: { ownWith: 409 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
  },
  "app/api/client/transactions/[id]/void/route.ts": {
    POST: clientRoute("/api/client/transactions/:id/void", { params: (w) => ({ id: w.entryIdA }), expect: { ownWith: 409 } as Record<Actor, Expect>, foreignObject: (w) => ({ id: w.entryIdA }) }),
  },
  "app/api/client/reports/trial-balance/route.ts": { GET: clientRoute("/api/client/reports/trial-balance", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
  "app/api/client/reports/income-statement/route.ts": { GET: clientRoute("/api/client/reports/income-statement", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
  "app/api/client/reports/balance-sheet/route.ts": { GET: clientRoute("/api/client/reports/balance-sheet", { expect: { ownWith: 200 } as Record<Actor, Expect> }) },
};

let w: World;

afterAll(() => destroyTenants());

beforeAll(async () => {
  const { tenant: a } = await makeTenant();
  const { tenant: b } = await makeTenant();
  const ownerA = await makeUser(a, ["Owner"]);
  const plainA = await makeUser(a, []);
  const ownerB = await makeUser(b, ["Owner"]);
  const roleIdA = await withTenantDb(a, async (db) => (await db.role.findFirstOrThrow({ where: { name: "Viewer" } })).id);
  const { entryIdA, accountIdA } = await withTenantDb(a, async (db) => {
    const cash = await db.account.create({ data: { code: "1000", name: "Cash", type: "ASSET" } });
    const sales = await db.account.create({ data: { code: "4000", name: "Sales", type: "REVENUE" } });
    const lines = { create: [{ accountId: cash.id, debit: "1" }, { accountId: sales.id, credit: "1" }] };
    return { entryIdA: (await db.journalEntry.create({ data: { date: new Date("2026-01-01T00:00:00Z"), description: "voided", status: "VOID", lines } })).id, accountIdA: cash.id };
  });
  const superAdmin = await makeSuperAdminToken();
  const superAdminId = (await verifyToken(superAdmin)).id;
  await enterpriseDb().clientAssignment.create({ data: { superAdminId, clientId: a.id } });
  w = { a, b, ownerA, plainA, ownerB, enterpriseAdmin: await makeEnterpriseAdminToken(), superAdmin, superAdminId, userIdA: plainA.principal.id, roleIdA, entryIdA, accountIdA };
});

function tokenOf(actor: Actor): string | undefined {
  return { ownWith: w.ownerA.token, ownWithout: w.plainA.token, otherTenant: w.ownerB.token, anonymous: undefined, enterpriseAdmin: w.enterpriseAdmin, superAdmin: w.superAdmin }[actor];
}

function matches(status: number, e: Expect): boolean {
  return e === "pass" ? ![401, 403, 404].includes(status) && status < 500 : status === e;
}

describe("authorization matrix", () => {
  it("has an entry for every route file and every exported method, and no stale entries", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(5); // guards against a vacuous pass (wrong directory)
    const missing: string[] = [];
    for (const f of files) {
      const mod = (await import(`@/${f}`)) as Record<string, unknown>;
      for (const m of METHODS) if (typeof mod[m] === "function" && !MATRIX[f]?.[m]) missing.push(`${m} ${f}`);
    }
    expect(missing, "add these to MATRIX in tests/integration/authz-matrix.test.ts").toEqual([]);
    expect(Object.keys(MATRIX).filter((f) => !files.includes(f))).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([file, entry]) => METHODS.filter((m) => entry[m]).map((m) => ({ file, method: m, c: entry[m]! })));
  it.each(cases)("$method $file", async ({ file, method, c }) => {
    const handler = (await import(`@/${file}`))[method] as Handler;
    const seen: Record<string, number> = {};
    for (const actor of ACTORS) {
      const params = c.params?.(w) ?? {};
      const r = await call(handler, c.path, { method, token: tokenOf(actor), host: `${w.a.slug}.localhost:3000`, headers: { "x-tenant-id": w.a.slug, "x-forwarded-for": `10.2.0.${ACTORS.indexOf(actor)}` }, body: c.body, params });
      seen[actor] = r.status;
      expect(r.status >= 500 ? r.body : null).toBe(null);
    }
    const wrong = ACTORS.filter((a) => !matches(seen[a]!, c.expect[a]));
    expect(wrong.map((a) => `${a}: got ${seen[a]}, expected ${c.expect[a]}`)).toEqual([]);
    if (c.foreignObject) {
      const r = await call(handler, c.path, { method, token: w.ownerB.token, host: `${w.b.slug}.localhost:3000`, headers: { "x-tenant-id": w.b.slug }, body: method === "GET" ? undefined : { roles: [], permissions: [] }, params: c.foreignObject(w) });
      expect(r.status, "another tenant's object by id").toBe(404);
    }
    if (!entryIsPublic(file)) {
      // Not vacuous: someone is let through and someone is refused.
      expect(ACTORS.some((a) => ![401, 403].includes(seen[a]!) && seen[a]! < 500)).toBe(true);
      expect(ACTORS.some((a) => [401, 403].includes(seen[a]!))).toBe(true);
    }
  });
});

function entryIsPublic(file: string): boolean {
  return !!MATRIX[file]?.public;
}

// ── server actions ──
// Every exported function of every "use server" file needs an entry: either
// public (sign-in/out: covered end to end by tests/e2e/auth.spec.ts) or the
// defineAction core it delegates to, checked against every actor (with the
// browser session cookie, as a browser sends it).

type Core = (headers: Headers, input: unknown) => Promise<ActionResult<unknown>>;
type ActionEntry = { public: string } | { core: () => Promise<Core>; coreName: string; input: unknown; expect: Record<Actor, Expect> };

const ACTION_MATRIX: Record<string, ActionEntry> = {
  "app/admin/sign-in/actions.ts#adminSignIn": { public: "sign-in (apex only; e2e)" },
  "app/admin/actions.ts#adminSignOut": { public: "sign-out of one's own session (e2e)" },
  "app/t/[tenant]/actions.ts#tenantSignIn": { public: "sign-in of the host's tenant (e2e)" },
  "app/t/[tenant]/actions.ts#tenantSignOut": { public: "sign-out of one's own session (e2e)" },
  "app/t/[tenant]/users/actions.ts#createUserAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).createUserCore,
    coreName: "createUserCore",
    input: { email: "bad" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/users/actions.ts#issuePasswordLinkAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).issuePasswordLinkCore,
    coreName: "issuePasswordLinkCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/users/actions.ts#setUserActiveAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).setUserActiveCore,
    coreName: "setUserActiveCore",
    input: { id: "not-a-uuid", isActive: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  // Admin console (enterprise admins only); behaviour: tests/integration/admin-console-actions.test.ts.
  "app/admin/clients/actions.ts#createClientAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).createClientCore,
    coreName: "createClientCore",
    input: { idempotencyKey: "authz-matrix", client: { name: "x" } },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 422, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#setClientStatusAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).setClientStatusCore,
    coreName: "setClientStatusCore",
    input: { id: NO_SUCH_CLIENT, status: "SUSPENDED" },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#archiveClientAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).archiveClientCore,
    coreName: "archiveClientCore",
    input: { id: NO_SUCH_CLIENT, confirmSlug: "x" },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#issueSetupLinkAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).issueSetupLinkCore,
    coreName: "issueSetupLinkCore",
    input: { id: NO_SUCH_CLIENT },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#issueAssignedSetupLinkAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).issueAssignedSetupLinkCore,
    coreName: "issueAssignedSetupLinkCore",
    input: { id: NO_SUCH_CLIENT },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 404 },
  },
  // Public: the setup token is the credential (tests/integration/setup-password.test.ts); whoever asks reaches validation.
  "app/t/[tenant]/setup/actions.ts#setInitialPasswordAction": {
    core: async () => (await import("@/app/t/[tenant]/setup/action-cores")).setInitialPasswordCore,
    coreName: "setInitialPasswordCore",
    input: { token: "x", password: "short", confirmPassword: "short" },
    expect: { ownWith: 422, ownWithout: 422, otherTenant: 422, anonymous: 422, enterpriseAdmin: 422, superAdmin: 422 },
  },
  // Ledger pages (/ledger, /ledger/accounts): invalid input, so the pass answers 422 and changes nothing.
  "app/t/[tenant]/ledger/actions.ts#createEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createEntryCore,
    coreName: "createEntryCore",
    input: { date: "2026-01-01", description: "x", lines: [] },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#postEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).postEntryCore,
    coreName: "postEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#voidEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).voidEntryCore,
    coreName: "voidEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#createAccountAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createAccountCore,
    coreName: "createAccountCore",
    input: { code: "", name: "x", type: "ASSET" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#createDefaultAccountsAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createDefaultAccountsCore,
    coreName: "createDefaultAccountsCore",
    input: { unexpected: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#updateEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).updateEntryCore,
    coreName: "updateEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#deleteEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).deleteEntryCore,
    coreName: "deleteEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#reverseEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).reverseEntryCore,
    coreName: "reverseEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#setAccountActiveAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).updateAccountCore,
    coreName: "updateAccountCore",
    input: { id: "not-a-uuid", isActive: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
};

function serverActionFiles(dir = "app"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...serverActionFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(p, "utf8"))) out.push(p.split(path.sep).join("/"));
  }
  return out.sort();
}

describe("server action matrix", () => {
  it("has an entry for every exported server action", () => {
    const found: string[] = [];
    for (const f of serverActionFiles()) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/export\s+(?:async\s+function|const)\s+([A-Za-z0-9_]+)/g)) found.push(`${f}#${m[1]}`);
    }
    expect(found.length).toBeGreaterThan(3);
    expect(found.filter((k) => !ACTION_MATRIX[k]), "add these to ACTION_MATRIX").toEqual([]);
    expect(Object.keys(ACTION_MATRIX).filter((k) => !found.includes(k))).toEqual([]);
  });

  const cores = Object.entries(ACTION_MATRIX).filter((e): e is [string, Extract<ActionEntry, { core: unknown }>] => "core" in e[1]);
  it.each(cores)("%s", async (key, entry) => {
    const file = key.split("#")[0]!;
    expect(readFileSync(file, "utf8"), "the action must delegate to its core").toContain(entry.coreName);
    const core = await entry.core();
    const sessions: Partial<Record<Actor, string>> = {};
    for (const [actor, p] of [["ownWith", w.ownerA.principal], ["ownWithout", w.plainA.principal], ["otherTenant", w.ownerB.principal]] as const) {
      sessions[actor] = (await issueToken(p, { use: "session" })).token;
    }
    const seen: Record<string, number> = {};
    for (const actor of ACTORS) {
      let cookie = sessions[actor];
      if (actor === "enterpriseAdmin" || actor === "superAdmin") {
        // Admin tokens are re-issued as sessions: same principal, browser form.
        const { verifyToken } = await import("@/lib/auth/tokens");
        cookie = (await issueToken(await verifyToken(actor === "enterpriseAdmin" ? w.enterpriseAdmin : w.superAdmin), { use: "session" })).token;
      }
      const headers = new Headers({ host: `${w.a.slug}.localhost:3000`, "x-bisman-tenant": w.a.slug, origin: `http://${w.a.slug}.localhost:3000` });
      if (cookie) headers.set("cookie", `bisman.session=${cookie}`);
      const r = await core(headers, entry.input);
      seen[actor] = r.ok ? 200 : r.problem.status;
    }
    const wrong = ACTORS.filter((a) => !matches(seen[a]!, entry.expect[a]));
    expect(wrong.map((a) => `${a}: got ${seen[a]}, expected ${entry.expect[a]}`)).toEqual([]);
  });
});
