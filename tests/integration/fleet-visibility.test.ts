import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { latestVersion, loadMigrations } from "@/lib/migrations";
import { migrateClients } from "@/lib/provisioning/fleet-clients";
import { closeAdminPools } from "@/lib/provisioning";
import { connectionFactory } from "@/lib/tenancy/connections";
import { invalidateTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser, tenantHeaders } from "../helpers/tenants";
import { call } from "../helpers/http";
const { GET: listClientsRoute } = routeHandlers("/api/enterprise/clients");
const { GET: listUsersRoute } = routeHandlers("/api/client/users");

// Fleet migrations as the rest of the app sees them: the clients API shows each
// tenant's schema version and last migration result (and ?schema=behind), and a
// tenant whose schema is older than the code is refused with 503 + Retry-After
// until `migrate:clients` has brought it up.

const latest = latestVersion(loadMigrations("client"))!;
const OLD = "20200101000000_before_everything";
let admin = "";
let behind: TenantRecord;
let current: TenantRecord;

beforeAll(async () => {
  admin = await makeEnterpriseAdminToken();
  behind = (await makeTenant()).tenant;
  current = (await makeTenant()).tenant;
});

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

async function setVersion(t: TenantRecord, version: string | null): Promise<void> {
  await enterpriseDb().client.update({ where: { id: t.id }, data: { schemaVersion: version } });
  await invalidateTenant(t.id);
}

describe("fleet migrations: visibility and serving during upgrades", () => {
  it("GET /api/enterprise/clients shows the schema fields; ?schema=behind lists only tenants not at the latest version", async () => {
    expect(current.schemaVersion).toBe(latest); // provisioning records the template's version
    await setVersion(behind, OLD);

    const all = await call(listClientsRoute, "/api/enterprise/clients", { token: admin, query: { limit: "100" } });
    expect(all.status).toBe(200);
    const mine = all.body.items.find((c: { id: string }) => c.id === current.id);
    expect(mine).toMatchObject({ schemaVersion: latest, schemaBehind: false, lastMigrationStatus: null, lastMigrationAt: null, lastMigrationError: null });

    const res = await call(listClientsRoute, "/api/enterprise/clients", { token: admin, query: { schema: "behind", limit: "100" } });
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([behind.id]);
    expect(res.body.items[0]).toMatchObject({ schemaVersion: OLD, schemaBehind: true });

    const bad = await call(listClientsRoute, "/api/enterprise/clients", { token: admin, query: { schema: "sideways" } });
    expect(bad.status).toBe(422);
  });

  it("refuses a tenant whose schema is behind with 503 problem+json and Retry-After; serves it again once migrated", async () => {
    await setVersion(behind, OLD);
    const user = await makeUser(current, ["Owner"]);
    expect((await call(listUsersRoute, "/api/client/users", { token: user.token, headers: tenantHeaders(current) })).status).toBe(200);

    // makeUser needs the tenant's DB: create the user while it is current, then put it behind.
    await setVersion(behind, latest);
    const owner = await makeUser(behind, ["Owner"]);
    await setVersion(behind, OLD);
    const refused = await call(listUsersRoute, "/api/client/users", { token: owner.token, headers: tenantHeaders(behind) });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(refused.body).toMatchObject({ status: 503, code: "unavailable", detail: "tenant is being upgraded" });

    // The fleet command looks at the database (already at the latest migration) and records it.
    const summary = await migrateClients({ db: enterpriseDb(), tenants: [behind.slug] });
    expect(summary.results).toEqual([expect.objectContaining({ id: behind.id, status: "current", version: latest })]);
    const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id: behind.id } });
    expect(row).toMatchObject({ schemaVersion: latest, lastMigrationStatus: "succeeded", lastMigrationError: null });

    await invalidateTenant(behind.id); // what the registry's TTL (or REDIS_URL invalidation) does
    const served = await call(listUsersRoute, "/api/client/users", { token: owner.token, headers: tenantHeaders(behind) });
    expect(served.status).toBe(200);
    const listed = await call(listClientsRoute, "/api/enterprise/clients", { token: admin, query: { schema: "behind", limit: "100" } });
    expect(listed.body.items).toEqual([]);
  });
});
