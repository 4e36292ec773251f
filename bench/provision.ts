// `npm run bench:provision [-- --tenants 50] [--naive 20]`
//
// Provisions tenants through the provisioning service (createClient: role,
// database from the template — a spare renamed, else an inline clone — grants,
// seeded RBAC and first admin, encrypted URI, audit) back to back and reports
// p50/p95. In the same run, interleaved, through the same service: the template
// cloned inline (no spares), and the seed's naive way (an empty database, then
// every client migration). Prints all three and the ratios. Then opens a cached tenant client for each of 50
// tenants through the connection factory and reports RSS per cached client.
// Targets (2 cores): p50 ≤ 250 ms, ≥ 2× faster than naive, ≤ 5 MB per client.
//
// Server: BENCH_DATABASE_URL (a superuser URL; only what the bench creates is
// dropped), else a private embedded PostgreSQL in a temporary directory.
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { quoteIdent, withDatabase } from "../lib/db/url";
import { createEnterpriseDb } from "../lib/db/enterprise";
import { migrateDatabase } from "../lib/migrations";
import { ensureClientTemplate, withAdminClient } from "../lib/provisioning/template";
import { ensureDefaultShard, ensureModuleCatalogue } from "../lib/runtime/bootstrap";
import { startScratchPostgres } from "../lib/runtime/scratch-postgres";

const { values: args } = parseArgs({ options: { tenants: { type: "string", default: "50" }, naive: { type: "string", default: "25" } } });
const N = Number(args.tenants);
const NAIVE = Number(args.naive);
if (!Number.isInteger(N) || N < 2 || !Number.isInteger(NAIVE) || NAIVE < 1) throw new Error("--tenants ≥ 2 and --naive ≥ 1, integers");

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const server = await startScratchPostgres(process.env.BENCH_DATABASE_URL, "bisman-bench-prov-");
  try {
    await run(server.adminUrl);
  } finally {
    await server.stop();
  }
}

async function run(adminUrl: string): Promise<void> {
  const enterpriseName = `bisman_bench_${randomBytes(4).toString("hex")}`;
  const enterpriseUrl = withDatabase(adminUrl, enterpriseName);
  await withAdminClient(adminUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(enterpriseName)}`));
  await migrateDatabase(enterpriseUrl, "enterprise");
  await ensureClientTemplate(adminUrl);
  process.env.DATABASE_URL = enterpriseUrl;
  process.env.MASTER_KEY ??= randomBytes(32).toString("base64");
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  process.env.LOG_LEVEL = "warn";

  // Imported after the environment is set: these read config() lazily, but keep it obvious.
  const { createClient, closeAdminPools, dropTenant } = await import("../lib/provisioning");
  const { enterpriseDb } = await import("../lib/db/enterprise");
  const { ConnectionFactory } = await import("../lib/tenancy/connections");
  const { getTenant } = await import("../lib/tenancy/registry");
  const setup = createEnterpriseDb(enterpriseUrl, 1);
  await ensureDefaultShard(setup);
  await ensureModuleCatalogue(setup);
  await setup.$disconnect();

  const system = { type: "system" as const, id: null };
  const input = (slug: string) => ({ name: `Bench ${slug}`, slug, adminEmail: `owner@${slug}.test`, adminPassword: "correct horse battery staple" });
  type Strategy = "template" | "clone" | "migrations";
  const times: Record<Strategy, number[]> = { template: [], clone: [], migrations: [] };
  const origins: Record<string, number> = {};
  const ids: Record<Strategy, string[]> = { template: [], clone: [], migrations: [] };
  const provision = async (strategy: Strategy, slug: string) => {
    const t0 = performance.now();
    const r = await createClient(input(slug), system, {
      databaseStrategy: strategy,
      onDatabase: (o) => void (strategy === "template" && (origins[o] = (origins[o] ?? 0) + 1)),
    });
    times[strategy].push(performance.now() - t0);
    ids[strategy].push(r.body.clientId);
  };
  // Warm-up (first-use costs: argon2, Prisma's engine, pools) and the first spares; not measured.
  for (const strategy of ["clone", "migrations"] as const) {
    await createClient(input(`warm${strategy.slice(0, 3)}${randomBytes(3).toString("hex")}`), system, { databaseStrategy: strategy });
  }
  const { replenishSpares, spareScope } = await import("../lib/provisioning");
  await replenishSpares(adminUrl, spareScope(enterpriseUrl));
  // Interleaved so that machine noise hits every way alike. The product's way goes one tenant
  // after another with no pause: spares are replenished in the background as fast as they are used.
  for (let i = 0; i < N; i++) {
    await provision("template", `b${i}x${randomBytes(3).toString("hex")}`);
    if (i < NAIVE) {
      await provision("clone", `c${i}x${randomBytes(3).toString("hex")}`);
      await provision("migrations", `n${i}x${randomBytes(3).toString("hex")}`);
    }
  }
  const line = (label: string, xs: number[]) =>
    console.log(`${label.padEnd(44)} p50 ${ms(pct(xs, 50)).padStart(7)}  p95 ${ms(pct(xs, 95)).padStart(7)}  max ${ms(Math.max(...xs)).padStart(7)}`);
  const p50 = pct(times.template, 50);
  const naiveP50 = pct(times.migrations, 50);
  line(`provision, product way (n=${N})`, times.template);
  console.log(
    `${"".padEnd(44)} databases: ${Object.entries(origins)
      .map(([k, v]) => `${v} ${k}`)
      .join(", ")}`,
  );
  line(`provision, template clone inline (n=${NAIVE})`, times.clone);
  line(`provision, naive: empty DB + migrations (n=${NAIVE})`, times.migrations);
  console.log(`ratio naive / product way (p50):            ${(naiveP50 / p50).toFixed(2)}×`);
  console.log(`ratio naive / inline clone (p50):           ${(naiveP50 / pct(times.clone, 50)).toFixed(2)}×`);
  const templateIds = ids.template;
  const naiveIds = ids.migrations;

  // RSS per cached tenant client: warm one client first (loads Prisma's query compiler once), then 50 more.
  const factory = new ConnectionFactory({ maxClients: 60, poolSize: 2, budget: 150 });
  const warmTenant = (await getTenant(naiveIds[0]!))!;
  await factory.withDb(warmTenant, (db) => db.user.count());
  const measured = templateIds.slice(0, Math.min(50, templateIds.length));
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const before = process.memoryUsage().rss;
  for (const id of measured) {
    const t = (await getTenant(id))!;
    await factory.withDb(t, async (db) => {
      await db.user.findFirst({ include: { roles: true } });
      await db.role.count();
    });
  }
  gc();
  await new Promise((r) => setTimeout(r, 200));
  const after = process.memoryUsage().rss;
  const per = (after - before) / measured.length / 1024 / 1024;
  console.log(`RSS per cached tenant client:      ${per.toFixed(2)} MB over ${measured.length} clients (open: ${factory.stats().open})`);
  console.log(
    `targets: p50 ≤ 250 ms ${p50 <= 250 ? "✓" : "✗"}   ≥ 2× faster than naive ${naiveP50 / p50 >= 2 ? "✓" : "✗"}   ≤ 5 MB per client ${per <= 5 ? "✓" : "✗"}`,
  );
  await factory.closeAll();
  const left = await withAdminClient(adminUrl, (c) =>
    c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'bisman-tenant'"),
  );
  console.log(`tenant connections left after closing the factory: ${left.rows[0]!.n} (stats: ${JSON.stringify(factory.stats())})`);

  // Clean up: on a private server just stop it; on a shared one drop what we made.
  if (process.env.BENCH_DATABASE_URL) {
    const rows = await enterpriseDb().client.findMany({ select: { id: true, dbName: true, shardId: true } });
    for (const row of rows) await dropTenant(enterpriseDb(), row);
  }
  const { dropSpares } = await import("../lib/provisioning");
  await dropSpares(adminUrl, spareScope(enterpriseUrl)); // waits for a replenish in flight
  await enterpriseDb().$disconnect();
  await closeAdminPools();
  if (process.env.BENCH_DATABASE_URL) await withAdminClient(adminUrl, (c) => c.query(`DROP DATABASE ${quoteIdent(enterpriseName)} WITH (FORCE)`));
}

await main();
