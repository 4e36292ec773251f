// `npm run bench:load [-- --tenants 100] [--connections 1000] [--duration 20] [--rebuild] [--no-floors]`
//
// The seed's load test (issue 9). Starts the production build the way `npm start` does (scripts/start.ts:
// the embedded PostgreSQL in a temporary DATA_DIR, or the given DATABASE_URL's server), provisions N tenants
// through the API, mints each owner's access token, gives each a chart of accounts, then drives
// `--connections` connections for `--duration` seconds with autocannon: 90% authenticated reads (users,
// accounts, a journal page; a third each), 10% ledger writes (a posted two-line entry), each request for a
// random tenant with that tenant's token. In the same run, with the same load, two floors:
//   - Next's own: a no-op route handler in a tiny app of the same Next version (generated under .bench/,
//     built once, served with `next start`);
//   - bare node:http + pg (bench/floors/pg-server.ts) over the same tenant databases, one connection each.
// Prints req/s, p50/p95/p99, failures by status, both ratios, peak PostgreSQL connections, and the app's
// tenant clients opened/closed (from /api/metrics). Only 127.0.0.1 is targeted.
import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { scramSha256Verifier } from "../lib/crypto/scram";
import { quoteIdent, quoteLiteral, withDatabase } from "../lib/db/url";
import { createKeyRing, signToken } from "../lib/edge/jwt";
import { freePort } from "../lib/runtime/scratch-postgres";

const { values: args } = parseArgs({
  options: {
    tenants: { type: "string", default: "100" },
    connections: { type: "string", default: "1000" },
    duration: { type: "string", default: "20" },
    warmup: { type: "string", default: "3" },
    rebuild: { type: "boolean", default: false },
    "no-floors": { type: "boolean", default: false },
    "keep-data": { type: "boolean", default: false },
  },
});
const N = Number(args.tenants);
const CONNECTIONS = Number(args.connections);
const DURATION = Number(args.duration);
const WARMUP = Number(args.warmup);
if (!Number.isInteger(N) || N < 1 || !Number.isInteger(CONNECTIONS) || CONNECTIONS < 1 || !(DURATION >= 1) || !(WARMUP >= 0))
  throw new Error("--tenants, --connections: positive integers; --duration ≥ 1, --warmup ≥ 0 (seconds)");

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
const children: ChildProcess[] = [];
const say = (s: string) => console.log(`bench:load: ${s}`);

interface Tenant {
  slug: string;
  dbName: string;
  token: string;
  debit: string;
  credit: string;
}

interface Phase {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: Record<string, number>;
  non2xx: number;
  errors: number;
  timeouts: number;
  peakPg: number;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "bisman-bench-load-"));
  // As root the embedded server runs as `postgres`, which must be able to enter DATA_DIR.
  spawnSync("chmod", ["755", dataDir]);
  try {
    await run(dataDir);
  } finally {
    for (const c of children.reverse()) await stopChild(c);
    if (!args["keep-data"]) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function run(dataDir: string): Promise<void> {
  if (args.rebuild || !existsSync(path.join(root, ".next/BUILD_ID"))) {
    say("building the app (next build)");
    const b = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }

  // --- the app, started as `npm start` starts it ----------------------------------------------------------
  const port = await freePort();
  const pgPort = await freePort();
  const secrets = {
    MASTER_KEY: randomBytes(32).toString("base64"),
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    PG_PASSWORD: randomBytes(24).toString("base64url"),
  };
  writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify(secrets), { mode: 0o600 });
  const adminPassword = randomBytes(18).toString("base64url");
  const metricsToken = randomBytes(24).toString("base64url");
  const given = process.env.DATABASE_URL;
  const adminUrl = given ?? `postgresql://postgres:${encodeURIComponent(secrets.PG_PASSWORD)}@127.0.0.1:${pgPort}/bisman_enterprise`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    MASTER_KEY: secrets.MASTER_KEY,
    AUTH_SECRET: secrets.AUTH_SECRET,
    ENTERPRISE_ADMIN_EMAIL: "bench@bisman.local",
    ENTERPRISE_ADMIN_PASSWORD: adminPassword,
    METRICS_TOKEN: metricsToken,
    LOG_LEVEL: "warn",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  say(`starting the app on 127.0.0.1:${port} (${given ? "DATABASE_URL" : `embedded PostgreSQL on ${pgPort}`})`);
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
  children.push(app);
  app.stdout!.on("data", (d: Buffer) => process.env.BENCH_VERBOSE && process.stdout.write(d));
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, 180_000);

  // --- tenants ----------------------------------------------------------------------------------------
  const login = await json(`${base}/api/enterprise/auth/login`, "POST", { email: "bench@bisman.local", password: adminPassword });
  const adminToken = login.token as string;
  const ring = await createKeyRing([secrets.AUTH_SECRET]);
  const runId = randomBytes(3).toString("hex");
  const tenants: Tenant[] = [];
  const t0 = performance.now();
  await inParallel(N, 4, async (i) => {
    const slug = `load-${runId}-${i}`;
    const created = await json(
      `${base}/api/enterprise/clients/create`,
      "POST",
      { name: `Load ${i}`, slug, adminEmail: `owner@${slug}.test`, adminPassword: "correct horse battery staple" },
      adminToken,
    );
    const tenantId = created.clientId as string;
    const dbName = created.dbName as string;
    const owner = await withPg(withDatabase(adminUrl, dbName), (c) =>
      c.query<{ id: string; email: string; name: string }>(`SELECT id, email, name FROM "User" LIMIT 1`),
    );
    const u = owner.rows[0]!;
    const { token } = await signToken(
      ring,
      { kind: "client-user", id: u.id, email: u.email, name: u.name, tenantId, tenantSlug: slug },
      { use: "access", ttlSeconds: 3600 },
    );
    await json(`${base}/api/client/accounts/defaults`, "POST", {}, token);
    const { accounts } = (await json(`${base}/api/client/accounts`, "GET", undefined, token)) as {
      accounts: { id: string; type: string; parentId: string | null }[];
    };
    const parents = new Set(accounts.map((a) => a.parentId));
    const leaf = (type: string) => accounts.find((a) => a.type === type && !parents.has(a.id))?.id;
    const debit = leaf("ASSET");
    const credit = leaf("REVENUE");
    if (!debit || !credit) throw new Error(`tenant ${slug}: no accounts to post to`);
    tenants.push({ slug, dbName, token, debit, credit });
  });
  say(`${N} tenants provisioned and set up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const connect = await connectCost(adminUrl, tenants[0]!.dbName);
  say(
    `a new tenant connection (connect + SCRAM + backend start, median of 40): ${connect.ms4096.toFixed(1)} ms at 4096 iterations, ${connect.ms16.toFixed(1)} ms at 16; the app's tenant roles use ${connect.appIterations}`,
  );

  // The floors first, while the app idles (an app still draining its backlog would eat their CPU).
  const floors: Phase[] = [];
  if (!args["no-floors"]) {
    // Next's floor: a no-op route in a tiny app of the same Next version.
    const floorDir = await nextFloorApp();
    const nextPort = await freePort();
    const nf = spawn(process.execPath, [nextBin, "start", floorDir, "-p", String(nextPort), "-H", "127.0.0.1"], {
      cwd: floorDir,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    children.push(nf);
    await waitFor(`http://127.0.0.1:${nextPort}/api/noop`, 60_000);
    floors.push(await load("next no-op route", `http://127.0.0.1:${nextPort}`, tenants, adminUrl, false));
    await stopChild(nf);

    // The bare floor: node:http + pg, one connection per tenant database.
    const floorPort = await freePort();
    const databases = Object.fromEntries(tenants.map((t) => [t.slug, withDatabase(adminUrl, t.dbName)]));
    const pf = fork(path.join(root, "bench/floors/pg-server.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, FLOOR_PORT: String(floorPort), FLOOR_DATABASES: JSON.stringify(databases) },
      stdio: "inherit",
    });
    children.push(pf);
    await new Promise<void>((resolve, reject) => {
      pf.once("message", () => resolve());
      pf.once("exit", (code) => reject(new Error(`the pg floor exited (${code})`)));
    });
    floors.push(await load("node:http + pg", `http://127.0.0.1:${floorPort}`, tenants, adminUrl, false));
    await stopChild(pf);
  }

  const before = await factoryMetrics(base, metricsToken);
  const appPhase = await load("app", base, tenants, adminUrl, true);
  const after = await factoryMetrics(base, metricsToken);
  report([appPhase, ...floors], before, after);
}

// --- load ---------------------------------------------------------------------------------------------------

const today = new Date().toISOString().slice(0, 10);

function requestFor(t: Tenant, write: boolean, read: number): { method: "GET" | "POST"; path: string; body?: string } {
  if (write)
    return {
      method: "POST",
      path: "/api/client/transactions",
      body: JSON.stringify({
        date: today,
        description: "bench sale",
        post: true,
        lines: [
          { accountId: t.debit, debit: "10.00" },
          { accountId: t.credit, credit: "10.00" },
        ],
      }),
    };
  const paths = ["/api/client/users", "/api/client/accounts", "/api/client/transactions?limit=50"];
  return { method: "GET", path: paths[read % 3]! };
}

async function load(name: string, base: string, tenants: Tenant[], adminUrl: string, isApp: boolean): Promise<Phase> {
  const drive = (seconds: number, onResponse?: (status: number) => void) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: base,
          connections: CONNECTIONS,
          duration: seconds,
          timeout: 10,
          requests: [
            {
              setupRequest: (req) => {
                const t = tenants[Math.floor(Math.random() * tenants.length)]!;
                const r = Math.random();
                const q = requestFor(t, isApp && r < 0.1, Math.floor(r * 30));
                const headers: Record<string, string> = { "x-tenant-id": t.slug };
                if (isApp) headers.authorization = `Bearer ${t.token}`;
                if (q.body) headers["content-type"] = "application/json";
                return { ...req, method: q.method, path: isApp || name !== "next no-op route" ? q.path : "/api/noop", headers, body: q.body };
              },
            },
          ],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      if (onResponse) instance.on("response", (_client, status) => onResponse(status));
    });
  if (WARMUP > 0) await drive(WARMUP);
  const statuses: Record<string, number> = {};
  let peakPg = 0;
  const sampler = await pgSampler(adminUrl, (n) => (peakPg = Math.max(peakPg, n)));
  let result: autocannon.Result;
  try {
    result = await drive(DURATION, (s) => (statuses[s] = (statuses[s] ?? 0) + 1));
  } finally {
    await sampler.stop();
  }
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const phase: Phase = {
    name,
    requests: total,
    rps: total / DURATION,
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p97_5 ?? result.latency.p90,
    p99: result.latency.p99,
    statuses,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    peakPg,
  };
  say(
    `${name}: ${phase.rps.toFixed(0)} req/s, p50 ${phase.p50} ms, p99 ${phase.p99} ms, non-2xx ${phase.non2xx}, errors ${phase.errors} (timeouts ${phase.timeouts})`,
  );
  return phase;
}

/** Client backends on the server (peak during a phase), sampled every 200 ms on one extra connection. */
async function pgSampler(adminUrl: string, onSample: (n: number) => void): Promise<{ stop: () => Promise<void> }> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await c.query<{ n: number }>(`SELECT count(*)::int - 1 AS n FROM pg_stat_activity WHERE backend_type = 'client backend'`);
      onSample(r.rows[0]!.n);
      await new Promise((res) => setTimeout(res, 200));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop.catch(() => undefined);
      await c.end();
    },
  };
}

/** Median connect time of a role whose verifier has 4096 vs 16 iterations (same random password), and the app's count. */
async function connectCost(adminUrl: string, dbName: string): Promise<{ ms4096: number; ms16: number; appIterations: string }> {
  const password = randomBytes(32).toString("base64url");
  const roles = { 4096: `bench_connect_${randomBytes(4).toString("hex")}_4096`, 16: `bench_connect_${randomBytes(4).toString("hex")}_16` } as const;
  const appIterations = await withPg(adminUrl, async (c) => {
    for (const [n, role] of Object.entries(roles)) {
      await c.query(`CREATE ROLE ${quoteIdent(role)} LOGIN PASSWORD ${quoteLiteral(scramSha256Verifier(password, Number(n)))}`);
      await c.query(`GRANT CONNECT ON DATABASE ${quoteIdent(dbName)} TO ${quoteIdent(role)}`);
    }
    const r = await c.query<{ v: string | null }>(`SELECT split_part(split_part(rolpassword, '$', 2), ':', 1) AS v FROM pg_authid WHERE rolname = $1`, [
      dbName,
    ]);
    return r.rows[0]?.v ?? "?";
  });
  const times: Record<string, number[]> = { 4096: [], 16: [] };
  try {
    for (let i = 0; i < 40; i++) {
      for (const [n, role] of Object.entries(roles)) {
        const url = new URL(withDatabase(adminUrl, dbName));
        url.username = role;
        url.password = password;
        const t0 = performance.now();
        const c = new pg.Client({ connectionString: url.toString() });
        await c.connect();
        times[n]!.push(performance.now() - t0);
        await c.end();
      }
    }
  } finally {
    await withPg(adminUrl, async (c) => {
      for (const role of Object.values(roles)) {
        await c.query(`REVOKE CONNECT ON DATABASE ${quoteIdent(dbName)} FROM ${quoteIdent(role)}`);
        await c.query(`DROP ROLE ${quoteIdent(role)}`);
      }
    });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { ms4096: median(times[4096]!), ms16: median(times[16]!), appIterations };
}

// --- the Next floor app ---------------------------------------------------------------------------------

async function nextFloorApp(): Promise<string> {
  const version = (JSON.parse(readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string }).version;
  const dir = path.join(root, ".bench", `next-floor-${version}`);
  if (existsSync(path.join(dir, ".next/BUILD_ID"))) return dir;
  say(`building Next ${version}'s floor app in ${path.relative(root, dir)} (once)`);
  mkdirSync(path.join(dir, "app/api/noop"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bisman-next-floor", private: true, type: "module" }));
  writeFileSync(path.join(dir, "next.config.mjs"), `export default { turbopack: { root: ${JSON.stringify(root)} } };\n`);
  writeFileSync(path.join(dir, "app/layout.js"), `export default function Layout({ children }) { return children; }\n`);
  writeFileSync(
    path.join(dir, "app/api/noop/route.js"),
    `export const dynamic = "force-dynamic";\nexport function GET() { return Response.json({ ok: true }); }\nexport function POST() { return Response.json({ ok: true }); }\n`,
  );
  const b = spawnSync(process.execPath, [nextBin, "build", dir], { cwd: dir, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) throw new Error("building the Next floor app failed");
  return dir;
}

// --- helpers ------------------------------------------------------------------------------------------------

async function factoryMetrics(base: string, token: string): Promise<Record<string, number>> {
  const r = await fetch(`${base}/api/metrics`, { headers: { authorization: `Bearer ${token}` } });
  const out: Record<string, number> = {};
  for (const line of (await r.text()).split("\n")) {
    const m = /^(bisman_tenant_clients_\w+|bisman_tenant_pool\w*|bisman_connection\w*)(\{[^}]*\})? ([\d.e+-]+)$/.exec(line);
    if (m) out[m[1]! + (m[2] ?? "")] = Number(m[3]);
  }
  return out;
}

function report(phases: Phase[], before: Record<string, number>, after: Record<string, number>): void {
  const [app, nextFloor, pgFloor] = phases as [Phase, Phase | undefined, Phase | undefined];
  const rows = phases.map((p) => ({
    server: p.name,
    "req/s": Math.round(p.rps),
    "p50 ms": p.p50,
    "p97.5 ms": p.p95,
    "p99 ms": p.p99,
    non2xx: p.non2xx,
    errors: p.errors,
    timeouts: p.timeouts,
    statuses: Object.entries(p.statuses)
      .map(([s, n]) => `${s}:${n}`)
      .join(" "),
    "peak pg conns": p.peakPg,
  }));
  console.log(`\n${N} tenants, ${CONNECTIONS} connections, ${DURATION} s per phase (after a ${WARMUP} s warm-up each)`);
  console.table(rows);
  if (nextFloor) console.log(`app / Next no-op route: ${(app.rps / nextFloor.rps).toFixed(2)}×`);
  if (pgFloor) console.log(`app / node:http + pg:   ${(app.rps / pgFloor.rps).toFixed(2)}×`);
  console.log(`app p99 / p50: ${(app.p99 / Math.max(1, app.p50)).toFixed(1)}`);
  const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  console.log(
    `tenant clients during the app phase: opened ${delta("bisman_tenant_clients_opened_total")}, closed ${delta("bisman_tenant_clients_closed_total")}, open at the end ${after.bisman_tenant_clients_open ?? "?"}`,
  );
}

async function waitFor(url: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function json(url: string, method: "GET" | "POST", body?: unknown, token?: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    if (method === "POST") headers["idempotency-key"] = randomUUID();
    const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (r.status === 429 && attempt < 20) {
      await new Promise((res) => setTimeout(res, 1000 * Number(r.headers.get("retry-after") ?? "1")));
      continue;
    }
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${new URL(url).pathname} → ${r.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  }
}

async function withPg<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function inParallel(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, concurrency) }, async () => {
      while (next < n) await fn(next++);
    }),
  );
}

async function stopChild(c: ChildProcess): Promise<void> {
  if (c.exitCode !== null || c.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => c.once("exit", () => resolve()));
  c.kill("SIGTERM");
  const timer = setTimeout(() => c.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

main().catch((err) => {
  console.error(`bench:load: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
