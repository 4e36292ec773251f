import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, loadMigrationsFrom, MigrationChecksumError, MigrationFailedError, type Migration } from "@/lib/migrations";
import { createScratchDatabase } from "../helpers/databases";

const adminUrl = inject("pgAdminUrl");
let dir: string;
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  clients.push(c);
  return c;
}

function write(name: string, sql: string): Migration[] {
  mkdirSync(path.join(dir, name), { recursive: true });
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
  return loadMigrationsFrom(dir);
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bisman-mig-"));
  scratch = await createScratchDatabase(adminUrl);
});
afterEach(async () => {
  while (clients.length) await clients.pop()!.end();
  await scratch.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe("applyMigrations", () => {
  it("applies pending migrations in order and records them the way Prisma does", async () => {
    write("20260101000000_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
    const all = write("20260102000000_b", `ALTER TABLE "A" ADD COLUMN "name" TEXT;`);
    const db = await connect();

    const first = await applyMigrations(db, all);
    expect(first).toEqual({ applied: ["20260101000000_a", "20260102000000_b"], version: "20260102000000_b" });

    const rows = await db.query(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.rows.map((r) => r.migration_name)).toEqual(["20260101000000_a", "20260102000000_b"]);
    expect(rows.rows[0].checksum).toBe(createHash("sha256").update(`CREATE TABLE "A" ("id" INT PRIMARY KEY);`).digest("hex"));
    expect(rows.rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);

    expect(await applyMigrations(db, all)).toEqual({ applied: [], version: "20260102000000_b" });
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    write("20260101000000_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`);
    const all = write("20260102000000_bad", `CREATE TABLE "B" ("id" INT); SELECT * FROM "missing_table";`);
    const db = await connect();

    await expect(applyMigrations(db, all)).rejects.toBeInstanceOf(MigrationFailedError);
    const tables = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
    expect(tables.rows.map((r) => r.table_name)).toEqual(["A", "_prisma_migrations"]);
    const recorded = await db.query(`SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.rows.map((r) => r.migration_name)).toEqual(["20260101000000_a"]);
  });

  it("refuses to go on when an applied migration's file changed", async () => {
    const db = await connect();
    await applyMigrations(db, write("20260101000000_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY);`));
    const changed = write("20260101000000_a", `CREATE TABLE "A" ("id" BIGINT PRIMARY KEY);`);
    await expect(applyMigrations(db, changed)).rejects.toBeInstanceOf(MigrationChecksumError);
  });

  it("runs a migration marked no-transaction outside a transaction", async () => {
    write("20260101000000_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY, "n" INT);`);
    const all = write("20260102000000_idx", `-- bisman:no-transaction\nCREATE INDEX CONCURRENTLY "A_n_idx" ON "A"("n");`);
    expect(all[1]!.transactional).toBe(false);
    const db = await connect();
    await applyMigrations(db, all);
    const idx = await db.query(`SELECT indexname FROM pg_indexes WHERE indexname = 'A_n_idx'`);
    expect(idx.rowCount).toBe(1);
  });

  it("serialises concurrent runs on one database: each migration is applied once", async () => {
    const all = write("20260101000000_a", `CREATE TABLE "A" ("id" INT PRIMARY KEY); SELECT pg_sleep(0.2);`);
    const [a, b] = [await connect(), await connect()];
    const results = await Promise.all([applyMigrations(a, all), applyMigrations(b, all)]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 1]);
  });
});
