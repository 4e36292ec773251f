// `npm run bench:migrate [-- --tenants 1000] [--concurrency N] [--rounds 5]`
//
// Provisions a fleet (cloned from the client template, with its tenant role and
// Client row, as provisioning leaves it), adds one migration from a temporary
// folder and migrates the fleet with `migrateClients` (what `npm run
// migrate:clients` runs, results recorded on the Client rows). In the same run,
// on the same databases and with the same shape of DDL:
//   floor       a bare `pg` loop at the same concurrency: connect, DDL, disconnect;
//   sequential  the seed's loop: one tenant after another, connect + migrate + disconnect.
// Prints tenants/s, total time and both ratios. Drops everything it created.
//
// Server: BENCH_DATABASE_URL (a superuser URL; only what the bench creates is
// dropped), else a private embedded PostgreSQL in a temporary directory.
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { quoteIdent, withDatabase } from "../lib/db/url";
import { createEnterpriseDb } from "../lib/db/enterprise";
import { applyMigrations, loadMigrations, loadMigrationsFrom, migrateDatabase, type Migration } from "../lib/migrations";
import { migrateClients } from "../lib/provisioning/fleet-clients";
import { defaultConcurrency } from "../lib/migrations/fleet";
import { CLIENT_TEMPLATE_DB, ensureClientTemplate } from "../lib/provisioning/template";
import { ensureDefaultShard } from "../lib/runtime/bootstrap";
import { startScratchPostgres } from "../lib/runtime/scratch-postgres";

const { values: args } = parseArgs({
  options: {
    tenants: { type: "string", default: "200" },
    rounds: { type: "string", default: "5" },
    concurrency: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const N = Number(args.tenants);
if (!Number.isInteger(N) || N < 1) throw new Error("--tenants must be a positive integer");
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) throw new Error("--rounds must be an integer from 1 to 50");

/** The one migration the bench adds; `tag` keeps the three measured runs apart while the DDL stays the same. */
const ddl = (tag: string) => `-- AlterTable
ALTER TABLE "JournalEntry" ADD COLUMN "bench${tag}Note" TEXT;

-- CreateTable
CREATE TABLE "Bench${tag}" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Bench${tag}_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Bench${tag}_accountId_idx" ON "Bench${tag}"("accountId");
`;

async function admin<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await c.query<T>(sql, params);
  } finally {
    await c.end();
  }
}

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

const secs = (ms: number) => (ms / 1000).toFixed(2);

async function main(): Promise<void> {
  const server = await startScratchPostgres(process.env.BENCH_DATABASE_URL, "bisman-bench-pg-");
  const adminUrl = server.adminUrl;
  const created: string[] = [];
  const roles: string[] = [];
  const enterpriseName = `bisman_bench_${Date.now().toString(36)}`;
  const migrationsDir = mkdtempSync(path.join(os.tmpdir(), "bisman-bench-mig-"));
  let enterprise: ReturnType<typeof createEnterpriseDb> | undefined;
  try {
    await ensureClientTemplate(adminUrl);
    await admin(adminUrl, `CREATE DATABASE ${quoteIdent(enterpriseName)}`);
    const enterpriseUrl = withDatabase(adminUrl, enterpriseName);
    await migrateDatabase(enterpriseUrl, "enterprise");
    process.env.DATABASE_URL = enterpriseUrl; // the default shard's admin URL variable
    enterprise = createEnterpriseDb(enterpriseUrl, 4);
    await ensureDefaultShard(enterprise);
    const shard = await enterprise.shard.findUniqueOrThrow({ where: { name: "default" } });
    const version = loadMigrations("client").at(-1)!.name;

    // Provision: what the provisioning service leaves behind (role, clone, grants, row), minus the HTTP.
    const tp = performance.now();
    const tenants = Array.from({ length: N }, () => {
      const id = randomUUID();
      return { id, dbName: `client_${id.replaceAll("-", "")}`, slug: `bench-${id.slice(0, 8)}` };
    });
    await pool(tenants, 4, async (t) => {
      await admin(adminUrl!, `CREATE ROLE ${quoteIdent(t.dbName)} NOLOGIN`);
      roles.push(t.dbName);
      await admin(adminUrl!, `CREATE DATABASE ${quoteIdent(t.dbName)} TEMPLATE ${quoteIdent(CLIENT_TEMPLATE_DB)} STRATEGY WAL_LOG`);
      created.push(t.dbName);
      await admin(
        withDatabase(adminUrl!, t.dbName),
        `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${quoteIdent(t.dbName)};
        GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${quoteIdent(t.dbName)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${quoteIdent(t.dbName)};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${quoteIdent(t.dbName)}`,
      );
    });
    await enterprise.client.createMany({
      data: tenants.map((t) => ({
        id: t.id,
        slug: t.slug,
        name: t.slug,
        status: "ACTIVE" as const,
        dbName: t.dbName,
        shardId: shard.id,
        schemaVersion: version,
      })),
    });
    console.log(`provisioned ${N} tenants in ${secs(performance.now() - tp)} s (not measured below)`);

    const concurrency = args.concurrency ? Number(args.concurrency) : defaultConcurrency(await freeSlots(adminUrl));
    const write = (name: string, sql: string): Migration[] => {
      mkdirSync(path.join(migrationsDir, name), { recursive: true });
      writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
      return [...loadMigrations("client"), ...loadMigrationsFrom(migrationsDir).filter((m) => m.name === name)];
    };
    const urls = tenants.map((t) => withDatabase(adminUrl!, t.dbName));

    // 1. Floor: the same DDL, bare pg, same concurrency, no lock, no bookkeeping, no checks.
    const floor = async (tag: string): Promise<number> => {
      const sql = ddl(tag);
      const t = performance.now();
      await pool(urls, concurrency, async (url) => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(sql);
        await c.end();
      });
      return performance.now() - t;
    };
    // 2. The fleet command's engine, end to end (targets from the enterprise DB, results recorded).
    const fleet = async (round: number): Promise<number> => {
      const migrations = write(`2026112712${String(round).padStart(2, "0")}00_bench_fleet`, ddl(`Fleet${round}`));
      const t = performance.now();
      const summary = await migrateClients({ db: enterprise!, migrations, concurrency, canary: 3, maxFailures: 10 });
      const ms = performance.now() - t;
      if (summary.counts.migrated !== N) throw new Error(`fleet run: ${JSON.stringify(summary.counts)} ${summary.results.find((r) => r.error)?.error ?? ""}`);
      return ms;
    };
    // The machine is noisy (and shared): alternate floor and fleet, swapping which goes first
    // each round so that drift in the machine's load cancels out, and compare medians.
    const floors: number[] = [];
    const fleets: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      if (round % 2 === 1) {
        floors.push(await floor(`Floor${round}`));
        fleets.push(await fleet(round));
      } else {
        fleets.push(await fleet(round));
        floors.push(await floor(`Floor${round}`));
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const floorMs = median(floors);
    const fleetMs = median(fleets);

    // 3. The seed's loop: one tenant after another.
    const seqMigrations = write("20261127129900_bench_sequential", ddl("Seq"));
    const t3 = performance.now();
    for (const url of urls) {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await applyMigrations(c, seqMigrations);
      await c.end();
    }
    const seqMs = performance.now() - t3;

    const rate = (ms: number) => (N / (ms / 1000)).toFixed(1);
    console.log(
      `\nbench:migrate — ${N} tenants, concurrency ${concurrency}, ${rounds} rounds, ${os.availableParallelism()} cores, PostgreSQL ${(await admin<{ v: string }>(adminUrl, "SELECT current_setting('server_version') AS v")).rows[0]!.v.split(" ")[0]}`,
    );
    const all = (xs: number[]) => `(rounds: ${xs.map(secs).join(", ")} s)`;
    console.log(`  fleet (migrateClients)   ${secs(fleetMs).padStart(7)} s   ${rate(fleetMs).padStart(7)} tenants/s   median ${all(fleets)}`);
    console.log(`  floor (bare pg loop)     ${secs(floorMs).padStart(7)} s   ${rate(floorMs).padStart(7)} tenants/s   median ${all(floors)}`);
    console.log(`  sequential (seed loop)   ${secs(seqMs).padStart(7)} s   ${rate(seqMs).padStart(7)} tenants/s`);
    console.log(`  fleet / floor            ${(fleetMs / floorMs).toFixed(2)}×   (target ≤ 1.5×)`);
    console.log(`  sequential / fleet       ${(seqMs / fleetMs).toFixed(2)}×   (speed-up over the seed's loop)`);
    const limit = N <= 200 ? 10_000 : 60_000 * (N / 1000);
    console.log(
      `  target ${N} tenants ≤ ${secs(limit)} s: ${fleetMs <= limit ? "met" : "NOT met"}; within 1.5× of the floor: ${fleetMs <= 1.5 * floorMs ? "met" : "NOT met"}`,
    );
  } finally {
    await enterprise?.$disconnect().catch(() => undefined);
    rmSync(migrationsDir, { recursive: true, force: true });
    if (!args.keep) {
      if (!server.shared) {
        // A private server: everything it holds was created here.
        await server.stop().catch(() => undefined);
      } else {
        await pool(created, 4, (name) => admin(adminUrl!, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined));
        for (const role of roles) await admin(adminUrl!, `DROP ROLE IF EXISTS ${quoteIdent(role)}`);
        await admin(adminUrl!, `DROP DATABASE IF EXISTS ${quoteIdent(enterpriseName)} WITH (FORCE)`);
      }
      console.log("dropped what the bench created");
    }
  }
}

async function freeSlots(adminUrl: string): Promise<number> {
  const r = await admin<{ free: number }>(
    adminUrl,
    `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
            - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS free`,
  );
  return r.rows[0]!.free;
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench:migrate failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
