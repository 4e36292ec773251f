import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { quoteIdent } from "@/lib/db/url";
import { createEnterpriseDb } from "@/lib/db/enterprise";
import { AppError } from "@/lib/errors";
import { latestVersion, loadMigrations, loadMigrationsFrom } from "@/lib/migrations";
import { migrateClients, tenantRoleOf } from "@/lib/provisioning/fleet-clients";
import { tenantDbName, tenantRoleName } from "@/lib/provisioning/resources";
import { CLIENT_TEMPLATE_DB } from "@/lib/provisioning/template";
import { assertTenantSchemaCurrent, isSchemaBehind, requiredClientSchemaVersion } from "@/lib/tenancy/schema-gate";
import type { TenantRecord } from "@/lib/tenancy/types";
import type { ClientStatus } from "@/lib/generated/enterprise/enums";
import { adminQuery, dropDatabase } from "../helpers/databases";

// The fleet as the enterprise DB knows it: which tenants are picked, that DDL
// runs over the shard's admin URL, that results land on the Client rows, and
// that the schema gate follows them.

const adminUrl = inject("pgAdminUrl");
const db = createEnterpriseDb(process.env.DATABASE_URL!, 2);
const made: Array<{ dbName: string; role: string }> = [];
const dirs: string[] = [];
const committedLatest = latestVersion(loadMigrations("client"))!;

interface Made {
  id: string;
  slug: string;
  dbName: string;
}

async function tenant(status: ClientStatus, shardId: string, withDatabase = true): Promise<Made> {
  const id = randomUUID();
  const dbName = `client_${id.replaceAll("-", "")}`;
  const slug = `fleet-${id.slice(0, 8)}`;
  if (withDatabase) {
    await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(dbName)} TEMPLATE ${quoteIdent(CLIENT_TEMPLATE_DB)}`);
    await adminQuery(adminUrl, `CREATE ROLE ${quoteIdent(tenantRoleOf({ dbName }))} NOLOGIN`);
    made.push({ dbName, role: dbName });
  }
  await db.client.create({ data: { id, slug, name: slug, status, dbName, shardId, schemaVersion: committedLatest } });
  return { id, slug, dbName };
}

let shardId: string;
let farShardId: string;
let active: Made[];
let suspended: Made;
let archived: Made;
let far: Made;
// Sorts after every committed migration, including ones added later.
const extraName = "99991231120010_fleet_clients";
let extra: ReturnType<typeof loadMigrationsFrom>;

beforeAll(async () => {
  shardId = (await db.shard.findUniqueOrThrow({ where: { name: "default" } })).id;
  farShardId = (await db.shard.create({ data: { name: `far-${randomUUID().slice(0, 8)}`, adminUrlEnv: "BISMAN_TEST_UNSET_SHARD_URL" } })).id;
  active = [await tenant("ACTIVE", shardId), await tenant("ACTIVE", shardId)];
  // Tenant 0 as provisioning leaves it (default privileges: no grant check needed); tenant 1 without (grants checked).
  const r0 = quoteIdent(active[0]!.dbName);
  await adminQuery(adminUrl, `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r0}`, [], active[0]!.dbName);
  await adminQuery(adminUrl, `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r0}`, [], active[0]!.dbName);
  suspended = await tenant("SUSPENDED", shardId);
  archived = await tenant("ARCHIVED", shardId);
  far = await tenant("ACTIVE", farShardId, false);
  const dir = mkdtempSync(path.join(os.tmpdir(), "bisman-fleet-clients-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, extraName));
  writeFileSync(path.join(dir, extraName, "migration.sql"), `-- CreateTable\nCREATE TABLE "FleetClients" ("id" SERIAL PRIMARY KEY);\n`);
  extra = [...loadMigrations("client"), ...loadMigrationsFrom(dir)];
});

afterAll(async () => {
  await db.client.deleteMany({ where: { slug: { startsWith: "fleet-" } } });
  await db.$disconnect();
  for (const m of made) {
    await dropDatabase(adminUrl, m.dbName);
    await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${quoteIdent(m.role)}`);
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const row = (id: string) => db.client.findUniqueOrThrow({ where: { id } });
const mine = (ids: string[]) => (r: { id: string }) => ids.includes(r.id);

describe("migrateClients", () => {
  it("dry run: lists pending per ACTIVE and SUSPENDED tenant and writes nothing", async () => {
    const ids = [...active, suspended, archived, far].map((t) => t.id);
    const s = await migrateClients({ db, migrations: extra, dryRun: true, tenants: [...active, suspended, archived, far].map((t) => t.slug) });
    const results = s.results.filter(mine(ids));
    expect(results.map((r) => r.id).sort()).toEqual([...active, suspended, far].map((t) => t.id).sort());
    expect(results.filter((r) => r.status === "pending").every((r) => r.pending.join() === extraName)).toBe(true);
    expect(s.unknown).toEqual([archived.slug]);
    expect((await row(active[0]!.id)).lastMigrationAt).toBeNull();
  });

  it("migrates over the shard's admin URL, records each result on the Client row, and the schema gate follows", async () => {
    const record = await row(active[0]!.id);
    const stale: TenantRecord = {
      id: record.id,
      slug: record.slug,
      name: record.name,
      status: record.status,
      dbName: record.dbName,
      shardId: record.shardId,
      schemaVersion: record.schemaVersion,
      modules: [],
    };
    // The code now needs the extra migration: the tenant is refused with 503 and Retry-After.
    const refused = await assertTenantSchemaCurrent(stale, { db, required: extraName }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable", status: 503, detail: "tenant is being upgraded" });
    expect((refused as AppError).extra.headers?.["Retry-After"]).toMatch(/^\d+$/);

    const s = await migrateClients({ db, migrations: extra, tenants: [...active, suspended, far].map((t) => t.slug), concurrency: 2, canary: 1 });
    expect(s.templates).toEqual([]); // a custom migration list never touches the template
    const byId = new Map(s.results.map((r) => [r.id, r]));
    for (const t of [...active, suspended]) {
      expect(byId.get(t.id)).toMatchObject({ status: "migrated", applied: [extraName], version: extraName });
      expect(await row(t.id)).toMatchObject({ schemaVersion: extraName, lastMigrationStatus: "succeeded", lastMigrationError: null });
      expect((await row(t.id)).lastMigrationAt).toBeInstanceOf(Date);
    }
    // A shard whose admin URL is not configured: failed, said why, version kept.
    expect(byId.get(far.id)).toMatchObject({ status: "failed", errorKind: "connect" });
    expect(await row(far.id)).toMatchObject({
      schemaVersion: committedLatest,
      lastMigrationStatus: "failed",
      lastMigrationError: expect.stringMatching(/BISMAN_TEST_UNSET_SHARD_URL is not set/),
    });
    expect((await row(archived.id)).lastMigrationAt).toBeNull();

    // The registry's copy is still stale; the gate re-reads the row (at most every recheckMs) and serves.
    await expect(assertTenantSchemaCurrent(stale, { db, required: extraName, recheckMs: 0 })).resolves.toBeUndefined();
    // The DDL ran as the admin; the tenant role got DML on the new table.
    for (const t of active) {
      const privs = await adminQuery(
        adminUrl,
        `SELECT has_table_privilege($1, '"FleetClients"', 'INSERT') AS t, has_sequence_privilege($1, '"FleetClients_id_seq"', 'USAGE') AS s`,
        [tenantRoleOf(t)],
        t.dbName,
      );
      expect(privs.rows[0]).toEqual({ t: true, s: true });
    }
  });

  it("grants to the role provisioning creates for the tenant", () => {
    const id = randomUUID();
    expect(tenantRoleOf({ dbName: tenantDbName(id) })).toBe(tenantRoleName(id));
  });

  it("the schema gate compares versions: older or unknown is behind, equal or newer is served", () => {
    expect(requiredClientSchemaVersion()).toBe(committedLatest);
    expect(isSchemaBehind(null, "20261127120000_x")).toBe(true);
    expect(isSchemaBehind("20261127000000_init", "20261127120000_x")).toBe(true);
    expect(isSchemaBehind("20261127120000_x", "20261127120000_x")).toBe(false);
    expect(isSchemaBehind("20261128000000_newer", "20261127120000_x")).toBe(false);
  });
});

describe("npm run migrate:clients", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("scripts/migrate-all-clients.ts"), ...args], {
      encoding: "utf8",
      env: { ...process.env, BISMAN_TEST_UNSET_SHARD_URL: "" },
      timeout: 60_000,
    });

  it("exits 0 with plain progress lines and a summary when the tenants are current", () => {
    const out = run("--tenant", active[0]!.slug, "--tenant", suspended.slug, "--dry-run");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^\\d/2 current +${active[0]!.slug}`, "m"));
    expect(out.stdout).toMatch(/tenant\s+status\s+version\s+pending/);
    expect(out.stdout).toMatch(/2 tenants in .*current 2/);
    expect(out.stdout + out.stderr).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("exits non-zero when a tenant failed, and refuses bad flags", () => {
    const failed = run("--tenant", far.slug);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/failed/);
    expect(run("--concurrency", "zero").status).toBe(2);
  });
});
