import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools, createClient } from "@/lib/provisioning";
import { CLIENT_TEMPLATE_DB } from "@/lib/provisioning/template";
import { startScratchPostgres, type ScratchPostgres } from "@/lib/runtime/scratch-postgres";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { adminQuery } from "@/tests/helpers/databases";
import { call } from "@/tests/helpers/http";
import { makeEnterpriseAdminToken } from "@/tests/helpers/tenants";
const { GET: listShardsRoute, POST: registerShardRoute } = routeHandlers("/api/enterprise/shards");
const { PUT: updateShardRoute } = routeHandlers("/api/enterprise/shards/{id}");

// Shards through the enterprise API: a second, real PostgreSQL server (an embedded
// one started for this file) is checked, gets its client template, and takes
// tenants; bad servers are refused before anything is recorded.

const adminUrl = inject("pgAdminUrl");
let second: ScratchPostgres;
let admin = "";
const env = (name: string, value: string) => (process.env[name] = value);

beforeAll(async () => {
  admin = await makeEnterpriseAdminToken();
  second = await startScratchPostgres(undefined, "bisman-shard-pg-");
  env("TEST_SHARD_B_URL", second.adminUrl);
}, 120_000);

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
  await second.stop();
});

const register = (body: unknown) => call(registerShardRoute, "/api/enterprise/shards", { token: admin, body });
const update = (id: string, body: unknown) => call(updateShardRoute, `/api/enterprise/shards/${id}`, { method: "PUT", token: admin, params: { id }, body });
const shards = async () =>
  (await call(listShardsRoute, "/api/enterprise/shards", { token: admin })).body.shards as {
    id: string;
    name: string;
    capacity: number;
    isDefault: boolean;
    adminUrlConfigured: boolean;
    clients: Record<string, number>;
  }[];
const fieldOf = (r: { body: { errors?: { path: string; message: string }[] } }) => r.body.errors?.find((e) => e.path === "adminUrlEnv")?.message ?? "";

describe("/api/enterprise/shards", () => {
  it("lists the default shard with its clients by status", async () => {
    const list = await shards();
    expect(list.map((s) => [s.name, s.isDefault, s.adminUrlConfigured])).toEqual([["default", true, true]]);
    expect(list[0]!.clients).toEqual({ PROVISIONING: 0, ACTIVE: 0, SUSPENDED: 0, FAILED: 0, ARCHIVED: 0 });
  });

  it("refuses a server it cannot use, naming the variable's problem, and records nothing", async () => {
    expect(fieldOf(await register({ name: "nope", adminUrlEnv: "TEST_SHARD_UNSET_URL" }))).toMatch(/is not set on this app instance/);
    env("TEST_SHARD_GARBAGE_URL", "not a url");
    expect(fieldOf(await register({ name: "nope", adminUrlEnv: "TEST_SHARD_GARBAGE_URL" }))).toBe("does not hold a postgres:// URL");
    env("TEST_SHARD_CLOSED_URL", "postgresql://postgres@127.0.0.1:1/postgres");
    expect(fieldOf(await register({ name: "nope", adminUrlEnv: "TEST_SHARD_CLOSED_URL" }))).toMatch(/refused the connection/);
    // A role that may log in but not create databases and roles.
    const role = `shard_weak_${randomSlug("r")}`;
    await adminQuery(adminUrl, `CREATE ROLE ${role} LOGIN PASSWORD 'weak-password-1'`);
    await adminQuery(adminUrl, `GRANT CONNECT ON DATABASE postgres TO ${role}`); // provisioning revokes it from PUBLIC on this shared server
    const weak = new URL(adminUrl);
    weak.username = role;
    weak.password = "weak-password-1";
    env("TEST_SHARD_WEAK_URL", weak.toString());
    const r = await register({ name: "nope", adminUrlEnv: "TEST_SHARD_WEAK_URL" });
    await adminQuery(adminUrl, `REVOKE CONNECT ON DATABASE postgres FROM ${role}`);
    await adminQuery(adminUrl, `DROP ROLE ${role}`);
    expect(r.status).toBe(422);
    expect(fieldOf(r)).toBe("names a role without CREATEDB and CREATEROLE");
    expect(JSON.stringify(r.body)).not.toContain("weak-password-1");
    for (const bad of [
      { name: "Bad Name", adminUrlEnv: "X_URL" },
      { name: "okname", adminUrlEnv: "lower_case" },
      { name: "okname", adminUrlEnv: "X_URL", capacity: -1 },
      { name: "okname", adminUrlEnv: "X_URL", extra: 1 },
    ]) {
      expect((await register(bad)).status, JSON.stringify(bad)).toBe(422);
    }
    expect(await enterpriseDb().shard.count()).toBe(1);
  });

  it("registers a second server with its client template; new tenants go to the least-full shard; a drained one takes none", async () => {
    const res = await register({ name: "second", adminUrlEnv: "TEST_SHARD_B_URL", region: "test-b", capacity: 10, connectionBudget: 20 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "second", region: "test-b", capacity: 10, connectionBudget: 20, isDefault: false, adminUrlConfigured: true });
    expect(JSON.stringify(res.body)).not.toContain(second.adminUrl);
    const template = await adminQuery<{ datistemplate: boolean }>(second.adminUrl, "SELECT datistemplate FROM pg_database WHERE datname = $1", [
      CLIENT_TEMPLATE_DB,
    ]);
    expect(template.rows).toEqual([{ datistemplate: true }]);
    expect((await register({ name: "second", adminUrlEnv: "TEST_SHARD_B_URL" })).status).toBe(409);

    const place = async (prefix: string) => {
      const { body } = await createClient(
        { name: `Placed ${prefix}`, slug: randomSlug(prefix), adminEmail: `o@${prefix}.test`, adminPassword: "placed-password-1" },
        { type: "system", id: null },
      );
      return enterpriseDb().client.findUniqueOrThrow({ where: { id: body.clientId }, select: { id: true, shardId: true, dbName: true } });
    };
    const list = await shards();
    const def = list.find((s) => s.isDefault)!;
    const sec = list.find((s) => s.name === "second")!;
    // Both empty: the tie goes to the default shard.
    expect((await place("a")).shardId).toBe(def.id);
    // Then the least full by share of capacity: 0/10 on the second beats 1/1000 on the default. A real database there.
    const onSecond = await place("b");
    expect(onSecond.shardId).toBe(sec.id);
    expect((await adminQuery(second.adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [onSecond.dbName])).rowCount).toBe(1);
    expect((await adminQuery(adminUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [onSecond.dbName])).rowCount).toBe(0);
    const tenant = (await getTenant(onSecond.id))!;
    expect(await withTenantDb(tenant, (db) => db.user.count())).toBe(1); // its owner, seeded on the second server
    expect((await shards()).find((s) => s.name === "second")!.clients.ACTIVE).toBe(1);
    // Drained (capacity 0), the second server takes no more: the next goes to the default although it is fuller.
    const drained = await update(sec.id, { capacity: 0 });
    expect(drained.status).toBe(200);
    expect(drained.body).toMatchObject({ capacity: 0, clients: { ACTIVE: 1 } });
    expect((await place("c")).shardId).toBe(def.id);

    const audits = await enterpriseDb().auditLog.findMany({ where: { action: { in: ["shard.registered", "shard.updated"] } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["shard.registered", "shard.updated"]);
    expect(audits[1]!.metadata).toEqual({ capacity: { from: 10, to: 0 } });
  });

  it("answers 404 for an unknown shard and 422 for an empty change", async () => {
    expect((await update("00000000-0000-4000-8000-000000000000", { capacity: 5 })).status).toBe(404);
    const def = (await shards()).find((s) => s.isDefault)!;
    expect((await update(def.id, {})).status).toBe(422);
  });
});
