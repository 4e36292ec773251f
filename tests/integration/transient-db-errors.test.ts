import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { toProblem } from "@/lib/errors";
import { defineOperation } from "@/lib/http/operation";
import { registerModule } from "@/lib/modules/registry";
import { defineModule } from "@/lib/modules/types";
import { ensureModuleCatalogue } from "@/lib/runtime/bootstrap";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { serveAs } from "@/tests/helpers/api";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// What a PostgreSQL restart or failover does to requests in flight: the server
// terminates their connections (57P01). Those requests answer 503 with
// Retry-After, never 500; a safe request is tried once more on a fresh
// connection and succeeds. Real connections, really terminated.

let tenant: TenantRecord;
let user: TestUser;
let admin: pg.Client;
let attempts = 0;

/** Ends every connection to the tenant's database while `ms` of sleep runs on one of them. */
async function cutDuringSleep(db: { $queryRaw: (q: TemplateStringsArray) => Promise<unknown> }): Promise<void> {
  const kill = setTimeout(() => {
    void admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [tenant.dbName]);
  }, 300);
  try {
    await db.$queryRaw`SELECT pg_sleep(3)`;
  } finally {
    clearTimeout(kill);
  }
}

// A test-only module whose operations have their connection cut on the first attempt.
const faults = defineModule({
  key: "faults",
  name: "Faults",
  description: "Operations whose connection is cut once (test suite only).",
  permissions: {},
  navigation: [],
  operations: ["GET", "POST"].map((method) =>
    defineOperation(
      {
        method: method as "GET" | "POST",
        path: "/api/client/faults/cut-once",
        operationId: `faultsCutOnce${method}`,
        summary: "x",
        auth: "client-user",
        success: { status: 200, description: "x" },
      },
      async ({ ctx }) => {
        attempts++;
        if (attempts === 1) await cutDuringSleep(ctx.db);
        return { attempts, users: await ctx.db.user.count() };
      },
    ),
  ),
});
registerModule(faults);

beforeAll(async () => {
  await ensureModuleCatalogue(enterpriseDb());
  tenant = (await makeTenant()).tenant;
  user = await makeUser(tenant, ["Owner"]);
  admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
});
afterAll(async () => {
  await admin.end();
  await destroyTenants();
});

describe("a connection terminated under a request", () => {
  it("is a 503 problem with Retry-After, not a 500", async () => {
    const err = await withTenantDb(tenant, cutDuringSleep).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err, "the query was cut").not.toBeNull();
    const { problem, headers } = toProblem(err);
    expect(problem.status).toBe(503);
    expect(problem.detail).not.toMatch(/57P01|terminating|administrator/);
    expect(headers["retry-after"]).toBe("1");
  });

  it("a safe request is tried once more on a fresh connection and succeeds", async () => {
    attempts = 0;
    const r = await call(serveAs("GET"), "/api/client/faults/cut-once", { token: user.token, headers: tenantHeaders(tenant) });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ attempts: 2, users: expect.any(Number) });
  });

  it("a write is not repeated: 503 with Retry-After, and the client decides", async () => {
    attempts = 0;
    const r = await call(serveAs("POST"), "/api/client/faults/cut-once", { token: user.token, headers: tenantHeaders(tenant) });
    expect(r.status).toBe(503);
    expect(r.headers.get("retry-after")).toBe("1");
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(attempts).toBe(1);
    // The pool recovered: the next request is served.
    const again = await call(serveAs("POST"), "/api/client/faults/cut-once", { token: user.token, headers: tenantHeaders(tenant) });
    expect(again.status).toBe(200);
  });
});
