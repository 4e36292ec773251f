import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { allOperations } from "@/lib/api/operations";
import { enterpriseDb } from "@/lib/db/enterprise";
import { defineOperation } from "@/lib/http/operation";
import { actorAccess } from "@/lib/modules/core/rbac/access";
import { tenantNavigation } from "@/lib/modules/navigation";
import { modules, registerModule } from "@/lib/modules/registry";
import { defineModule } from "@/lib/modules/types";
import { ensureModuleCatalogue } from "@/lib/runtime/bootstrap";
import { withTenantContext } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { serveAs } from "@/tests/helpers/api";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
import { example } from "@/tests/modules/example/module";

// A module added in one folder (tests/modules/example) and registered here gets
// its route, OpenAPI entry, catalogue entry and navigation with no other file
// touched (docs/modules.md). The authorization matrix covers it too
// (tests/integration/authz-matrix.test.ts registers it the same way).

registerModule(example);

let withModule: TenantRecord;
let without: TenantRecord;
let owner: TestUser;
let plain: TestUser;
let otherOwner: TestUser;
const GET = serveAs("GET");
const greeting = (user: TestUser, tenant: TenantRecord, query = "") =>
  call(GET, `/api/client/example/greeting${query}`, { token: user.token, headers: tenantHeaders(tenant) });

beforeAll(async () => {
  await ensureModuleCatalogue(enterpriseDb());
  withModule = (await makeTenant({ modules: ["ledger", "example"] })).tenant;
  without = (await makeTenant({ modules: ["ledger"] })).tenant;
  owner = await makeUser(withModule, ["Owner"]);
  plain = await makeUser(withModule, []);
  otherOwner = await makeUser(without, ["Owner"]);
});
afterAll(() => destroyTenants());

describe("a module declared in one folder", () => {
  it("is served by the router, behind its permission and the tenant's modules", async () => {
    const r = await greeting(owner, withModule, "?name=Ada");
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ greeting: "Hello, Ada!", tenant: withModule.slug });
    expect((await greeting(owner, withModule, `?name=${"x".repeat(41)}`)).status).toBe(422);
    expect((await greeting(plain, withModule)).status).toBe(403);
    // The Owner holds every permission, but a tenant without the module grants none of it.
    expect((await greeting(otherOwner, without)).status).toBe(403);
    expect((await call(GET, "/api/client/example/greeting", {})).status).toBe(401);
  });

  it("is in the OpenAPI document and the module catalogue", async () => {
    const doc = openApiDocument() as { paths: Record<string, { get?: { operationId?: string } }> };
    const op = doc.paths["/api/client/example/greeting"]?.get;
    expect(op?.operationId).toBe("exampleGreeting");
    expect(allOperations().some((o) => o.operationId === "exampleGreeting")).toBe(true);
    const r = await call(GET, "/api/enterprise/modules", { token: await makeEnterpriseAdminToken() });
    expect(r.body.modules).toContainEqual({ key: "example", name: "Example", description: example.description, permissions: ["example:greetings:read"] });
  });

  it("is in the navigation of users who hold its permission, in tenants that have it", async () => {
    const nav = await withTenantContext(withModule, owner.principal, async (ctx) => tenantNavigation(withModule.modules, (await actorAccess(ctx)).permissions));
    expect(nav.map((s) => s.key)).toEqual(["core", "ledger", "example"]);
    expect(nav.find((s) => s.key === "example")?.items.map((i) => i.path)).toEqual(["/example"]);
    const plainNav = await withTenantContext(withModule, plain.principal, async (ctx) =>
      tenantNavigation(withModule.modules, (await actorAccess(ctx)).permissions),
    );
    expect(plainNav).toEqual([]);
    const otherNav = await withTenantContext(without, otherOwner.principal, async (ctx) =>
      tenantNavigation(without.modules, (await actorAccess(ctx)).permissions),
    );
    expect(otherNav.map((s) => s.key)).toEqual(["core", "ledger"]);
  });

  it("may not use a permission it does not declare", () => {
    const stray = defineOperation(
      {
        method: "GET",
        path: "/api/client/stray",
        operationId: "stray",
        summary: "x",
        auth: "client-user",
        permission: "core:users:read",
        success: { status: 200, description: "x" },
      },
      () => null,
    );
    expect(() =>
      defineModule({ key: "stray", name: "Stray", description: "", permissions: { "stray:x:read": "x" }, navigation: [], operations: [stray] }),
    ).toThrow(/does not declare/);
    expect(modules().some((m) => m.key === "stray")).toBe(false);
  });
});

describe("core is always on", () => {
  it("a client created without core gets it, and its owner can manage users", async () => {
    expect(without.modules).toContain("core");
    const users = await call(serveAs("GET"), "/api/client/users", { token: otherOwner.token, headers: tenantHeaders(without) });
    expect(users.status).toBe(200);
  });

  it("start-up gives core to clients created before the rule", async () => {
    const db = enterpriseDb();
    const core = await db.module.findUniqueOrThrow({ where: { key: "core" } });
    await db.clientModule.delete({ where: { clientId_moduleId: { clientId: without.id, moduleId: core.id } } });
    await ensureModuleCatalogue(db);
    expect(await db.clientModule.count({ where: { clientId: without.id, moduleId: core.id } })).toBe(1);
  });
});
