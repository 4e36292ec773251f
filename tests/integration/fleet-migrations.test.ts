import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { quoteIdent, withDatabase } from "@/lib/db/url";
import { loadMigrations, loadMigrationsFrom, type Migration } from "@/lib/migrations";
import { migrateFleet, type FleetResult, type FleetTarget } from "@/lib/migrations/fleet";
import { CLIENT_TEMPLATE_DB } from "@/lib/provisioning/template";
import { adminQuery, dropDatabase, uniqueName } from "../helpers/databases";

// Fleet migrations over real databases cloned from the client template (what
// provisioning does), with extra migrations from a temporary folder.

const adminUrl = inject("pgAdminUrl");
const databases: string[] = [];
const roles: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  const queue = [...databases];
  await Promise.all(
    Array.from({ length: 3 }, async () => {
      for (let name = queue.shift(); name; name = queue.shift()) await dropDatabase(adminUrl, name);
    }),
  );
  for (const role of roles) await adminQuery(adminUrl, `DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function cloneFleet(n: number, grantTo?: string): Promise<FleetTarget[]> {
  const targets: FleetTarget[] = [];
  for (let i = 0; i < n; i++) {
    const name = uniqueName("bisman_fleet");
    await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(CLIENT_TEMPLATE_DB)}`);
    databases.push(name);
    targets.push({ id: name, label: `tenant-${i}`, url: withDatabase(adminUrl, name), grantTo });
  }
  return targets;
}

/**
 * The committed client migrations plus the given extra ones (name → SQL), from a temporary folder.
 * Extra names start 99991231…: they must sort after every committed migration, including ones added later.
 */
function migrationsWith(extra: Record<string, string>): { all: Migration[]; dir: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bisman-fleet-"));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return { all: [...loadMigrations("client"), ...loadMigrationsFrom(dir)], dir };
}

/** What the template (and so every clone) holds: the newest committed client migration. */
const committedVersion = loadMigrations("client").at(-1)!.name;
const q = (db: string, sql: string, params: unknown[] = []) => adminQuery(adminUrl, sql, params, db);
const recorded = async (db: string, name: string) =>
  Number((await q(db, `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1`, [name])).rows[0]!.n);
const hasColumn = async (db: string, table: string, column: string) =>
  (await q(db, `SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`, [table, column])).rowCount === 1;
const byStatus = (results: FleetResult[]) => results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {});

describe("migrateFleet", () => {
  it("applies a new migration to 30 databases; a broken one is reported and left as it was; a rerun after the fix finishes it", async () => {
    const role = uniqueName("bisman_fleet_role");
    await adminQuery(adminUrl, `CREATE ROLE ${quoteIdent(role)} NOLOGIN`);
    roles.push(role);
    const targets = await cloneFleet(30, role);
    const broken = targets[12]!;
    // What makes tenant 12 different: an object the migration also creates.
    await q(broken.id, `CREATE TABLE "FleetProbe" ("x" INT)`);
    const name = "99991231120001_fleet_probe";
    const { all } = migrationsWith({
      [name]: `-- AlterTable\nALTER TABLE "Account" ADD COLUMN "fleetNote" TEXT;\n\n-- CreateTable\nCREATE TABLE "FleetProbe" ("id" SERIAL PRIMARY KEY, "note" TEXT);\n`,
    });

    // Dry run: pending everywhere, nothing changed.
    const dry = await migrateFleet(targets, { migrations: all, dryRun: true, concurrency: 4 });
    expect(dry.counts.pending).toBe(30);
    expect(dry.results.every((r) => r.pending.join() === name && r.version === committedVersion)).toBe(true);
    expect(await hasColumn(targets[0]!.id, "Account", "fleetNote")).toBe(false);

    const seen: FleetResult[] = [];
    const run = await migrateFleet(targets, { migrations: all, concurrency: 4, canary: 2, onResult: (r) => void seen.push(r) });
    expect(run.counts).toMatchObject({ migrated: 29, failed: 1, "not-started": 0 });
    expect(run.stopped).toBeNull();
    expect(seen).toHaveLength(30);
    const failed = run.results.find((r) => r.status === "failed")!;
    expect(failed).toMatchObject({ id: broken.id, label: "tenant-12", errorKind: "migration", failedMigration: name, version: committedVersion });
    expect(failed.error).toMatch(/FleetProbe.*already exists/);
    expect(failed.error).not.toMatch(/postgres(ql)?:\/\//);
    for (const r of run.results.filter((x) => x.status === "migrated")) expect(r).toMatchObject({ applied: [name], version: name });

    // The broken tenant is exactly as it was: not even the first statement stayed.
    expect(await hasColumn(broken.id, "Account", "fleetNote")).toBe(false);
    expect(await recorded(broken.id, name)).toBe(0);
    expect(await hasColumn(targets[0]!.id, "Account", "fleetNote")).toBe(true);
    expect(await recorded(targets[29]!.id, name)).toBe(1);

    // The tenant role can use what the migration created, but not the bookkeeping.
    const privs = await q(
      targets[0]!.id,
      `SELECT has_table_privilege($1, '"FleetProbe"', 'INSERT') AS t, has_sequence_privilege($1, '"FleetProbe_id_seq"', 'USAGE') AS s,
              has_table_privilege($1, '"_prisma_migrations"', 'SELECT') AS m`,
      [role],
    );
    expect(privs.rows[0]).toEqual({ t: true, s: true, m: false });

    await q(broken.id, `DROP TABLE "FleetProbe"`);
    const rerun = await migrateFleet(targets, { migrations: all, concurrency: 4 });
    expect(rerun.counts).toMatchObject({ migrated: 1, current: 29, failed: 0 });
    expect(rerun.results.find((r) => r.status === "migrated")!.id).toBe(broken.id);
    expect(await hasColumn(broken.id, "Account", "fleetNote")).toBe(true);
  });

  it("stops a tenant whose applied migration's file changed, with a clear error, and applies nothing after it", async () => {
    const targets = await cloneFleet(2);
    const a = "99991231120002_fleet_a";
    const first = migrationsWith({ [a]: `CREATE TABLE "FleetA" ("id" INT PRIMARY KEY);` });
    expect((await migrateFleet(targets, { migrations: first.all })).counts.migrated).toBe(2);

    const b = "99991231120003_fleet_b";
    const changed = migrationsWith({ [a]: `CREATE TABLE "FleetA" ("id" BIGINT PRIMARY KEY);`, [b]: `CREATE TABLE "FleetB" ("id" INT);` });
    const run = await migrateFleet(targets, { migrations: changed.all });
    expect(run.counts.failed).toBe(2);
    for (const r of run.results) {
      expect(r).toMatchObject({ errorKind: "checksum", failedMigration: a, version: a, applied: [] });
      expect(r.error).toMatch(/changed after it was applied \(checksum mismatch\)/);
      expect(await recorded(r.id, b)).toBe(0);
    }
  });

  it("does not start the rest when the canary fails, and stops starting tenants after --max-failures", async () => {
    const targets = await cloneFleet(6);
    const { all } = migrationsWith({ "99991231120004_fleet_div": `CREATE TABLE "FleetDiv" ("id" INT); SELECT 1 / 0;` });

    const canary = await migrateFleet(targets, { migrations: all, canary: 2, concurrency: 2 });
    expect(canary.stopped).toBe("canary-failed");
    expect(canary.counts).toMatchObject({ failed: 2, "not-started": 4 });
    expect(canary.results.filter((r) => r.status === "failed").map((r) => r.wave)).toEqual(["canary", "canary"]);

    const capped = await migrateFleet(targets, { migrations: all, maxFailures: 2, concurrency: 1 });
    expect(capped.stopped).toBe("max-failures");
    expect(capped.counts).toMatchObject({ failed: 2, "not-started": 4 });
    expect(capped.results.find((r) => r.status === "failed")!.error).toMatch(/division by zero/);
  });

  it("runs a no-transaction migration statement by statement (CREATE INDEX CONCURRENTLY)", async () => {
    const targets = await cloneFleet(2);
    const { all } = migrationsWith({
      "99991231120005_fleet_idx": `-- bisman:no-transaction\n-- CreateIndex\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "Account_name_idx" ON "Account"("name");\n\n-- CreateIndex\nCREATE INDEX CONCURRENTLY IF NOT EXISTS "Account_type_idx" ON "Account"("type");\n`,
    });
    const run = await migrateFleet(targets, { migrations: all });
    expect(run.counts.migrated).toBe(2);
    const idx = await q(targets[1]!.id, `SELECT indexname FROM pg_indexes WHERE indexname IN ('Account_name_idx', 'Account_type_idx') ORDER BY 1`);
    expect(idx.rows.map((r) => r.indexname)).toEqual(["Account_name_idx", "Account_type_idx"]);
  });

  it("lets concurrent runs share a fleet: each migration is applied once per database, the other run skips or waits", async () => {
    const targets = await cloneFleet(6);
    const slow = migrationsWith({ "99991231120006_fleet_slow": `CREATE TABLE "FleetSlow" ("id" INT); SELECT pg_sleep(0.2);` });
    const [a, b] = await Promise.all([
      migrateFleet(targets, { migrations: slow.all, concurrency: 3 }),
      // Same order: both reach each database together, holding it for 0.2 s.
      migrateFleet(targets, { migrations: slow.all, concurrency: 3 }),
    ]);
    const all = [...a.results, ...b.results];
    expect(all.filter((r) => r.status === "failed")).toEqual([]);
    expect(all.filter((r) => r.status === "migrated")).toHaveLength(6);
    expect(all.filter((r) => r.status === "skipped").length).toBeGreaterThan(0); // they did overlap
    for (const t of targets) expect(await recorded(t.id, "99991231120006_fleet_slow")).toBe(1);

    const next = migrationsWith({ "99991231120007_fleet_wait": `CREATE TABLE "FleetWait" ("id" INT); SELECT pg_sleep(0.2);` });
    const waited = await Promise.all([
      migrateFleet(targets, { migrations: [...slow.all, ...next.all.slice(-1)], onLocked: "wait", concurrency: 3 }),
      migrateFleet(targets, { migrations: [...slow.all, ...next.all.slice(-1)], onLocked: "wait", concurrency: 3 }),
    ]);
    expect(
      waited
        .map((s) => byStatus(s.results))
        .reduce((x, y) => ({ migrated: (x.migrated ?? 0) + (y.migrated ?? 0), current: (x.current ?? 0) + (y.current ?? 0) })),
    ).toEqual({ migrated: 6, current: 6 });
  });

  it("migrates a database in one round trip when it holds what the previous one did, and falls back when it does not", async () => {
    const targets = await cloneFleet(5);
    const name = "99991231120009_fleet_predicted";
    const { all } = migrationsWith({ [name]: `CREATE TABLE "FleetPredicted" ("id" INT);` });
    const other = migrationsWith({ "99991231120011_fleet_other": `CREATE TABLE "FleetOther" ("id" INT);` });
    // Database 2 already has the migration; database 3 holds an extra one; database 4 a changed checksum of the new one.
    await migrateFleet([targets[2]!], { migrations: all });
    await migrateFleet([targets[3]!], { migrations: other.all });
    await q(targets[4]!.id, `CREATE TABLE "FleetPredicted" ("id" INT)`);
    await q(
      targets[4]!.id,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'not-the-checksum', $1, now(), 1)`,
      [name],
    );

    const run = await migrateFleet(targets, { migrations: all, concurrency: 1 });
    expect(run.results.map((r) => [r.status, r.path, r.errorKind])).toEqual([
      ["migrated", "general", undefined], // learns what a database of this fleet holds
      ["migrated", "predicted", undefined], // same: one round trip
      ["current", "general", undefined], // already applied: the prediction is refused, nothing changes
      ["migrated", "general", undefined], // holds something else: general path
      ["failed", undefined, "checksum"], // the check compares checksums too
    ]);
    for (const t of targets.slice(0, 4)) expect(await recorded(t.id, name)).toBe(1);
    expect(await hasColumn(targets[3]!.id, "FleetOther", "id")).toBe(true);
  });

  it("resumes a run that was killed midway", async () => {
    const targets = await cloneFleet(8);
    const name = "99991231120008_fleet_resume";
    const { all, dir } = migrationsWith({ [name]: `CREATE TABLE "FleetResume" ("id" INT); SELECT pg_sleep(0.3);` });
    const input = path.join(dir, "input.json");
    writeFileSync(input, JSON.stringify({ targets, migrations: all, concurrency: 2 }));

    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), path.resolve("tests/integration/fixtures/fleet-child.ts"), input], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const lines: Array<{ id?: string; status?: string; started?: string; done?: boolean }> = [];
    await new Promise<void>((resolve, reject) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
          lines.push(JSON.parse(buffer.slice(0, nl)));
          buffer = buffer.slice(nl + 1);
          // Kill once two tenants are done and two more are mid-transaction.
          if (lines.filter((l) => l.status === "migrated").length === 2) {
            child.kill("SIGKILL");
            resolve();
          }
        }
      });
      child.on("exit", () => resolve());
      child.on("error", reject);
    });
    await exited;
    expect(lines.some((l) => l.done)).toBe(false);
    const killedAfter = lines.filter((l) => l.status === "migrated").length;
    expect(killedAfter).toBeGreaterThanOrEqual(2);
    expect(killedAfter).toBeLessThan(8);

    // The killed sessions' transactions roll back; waiting for their locks, the rerun finishes the fleet.
    const rerun = await migrateFleet(targets, { migrations: all, onLocked: "wait", concurrency: 4 });
    expect(rerun.counts.failed).toBe(0);
    expect(rerun.counts.migrated).toBeGreaterThan(0);
    expect(rerun.counts.migrated + rerun.counts.current).toBe(8);
    for (const t of targets) expect(await recorded(t.id, name)).toBe(1);
  });
});
