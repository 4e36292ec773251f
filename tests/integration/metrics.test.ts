import { routeHandlers } from "@/tests/helpers/api";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { GET: getEntry } = routeHandlers("/api/client/transactions/{id}");
const { GET: health } = routeHandlers("/api/health");
const { GET: metrics } = routeHandlers("/api/metrics");

// GET /api/metrics: a scraper with METRICS_TOKEN (set by the integration setup) reads
// request counts by route pattern, the fleet's status and the connection factory.

let tenant: TenantRecord;
let owner: TestUser;
const scrape = (token = process.env.METRICS_TOKEN!) => call(metrics, "/api/metrics", { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  ({ tenant } = await makeTenant());
  owner = await makeUser(tenant, ["Owner"]);
});
afterAll(() => destroyTenants());

describe("/api/metrics", () => {
  it("needs the metrics token: none → 401, another → 403, both problem+json", async () => {
    const none = await scrape("");
    expect(none.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect((await scrape(`${process.env.METRICS_TOKEN}x`)).status).toBe(403);
    expect((await call(metrics, "/api/metrics", { token: owner.token })).status).toBe(403); // a user's JWT is not the metrics token
  });

  it("counts requests by route pattern (never the id in the path) and status", async () => {
    const id = randomUUID();
    for (let i = 0; i < 3; i++) {
      const r = await call(getEntry, `/api/client/transactions/${id}`, { token: owner.token, headers: tenantHeaders(tenant), params: { id } });
      expect(r.status).toBe(404);
    }
    expect((await call(health, "/api/health")).status).toBe(200); // outside route(): probes are not counted
    const r = await scrape();
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain; version=0.0.4");
    const text = r.body as string;
    expect(text).toContain('bisman_http_requests_total{route="/api/client/transactions/[id]",method="GET",status="404"} 3');
    expect(text).not.toContain('route="/api/health"');
    expect(text).toMatch(/bisman_http_requests_total\{route="\/api\/metrics",method="GET",status="401"\} 1/); // the first test's refusals count too
    expect(text).not.toContain(id);
    expect(text).toContain('bisman_http_request_duration_seconds_count{route="/api/client/transactions/[id]",method="GET"} 3');
  });

  it("shows the fleet by status and this instance's tenant clients", async () => {
    const active = await enterpriseDb().client.count({ where: { status: "ACTIVE" } });
    const text = (await scrape()).body as string;
    expect(text).toContain(`bisman_tenants{status="ACTIVE"} ${active}`);
    expect(text).toContain('bisman_tenants{status="FAILED"} 0');
    expect(text).toMatch(/^bisman_tenant_clients_open [1-9]\d*$/m); // the requests above opened this tenant's client
    expect(text).toMatch(/^bisman_tenant_leases 0$/m); // and returned every lease
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).not.toMatch(/postgres(ql)?:\/\//); // no connection strings
  });
});
