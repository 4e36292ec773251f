// `npm start` (and `npm run dev` with --dev): the one command that runs BISMAN ERP.
// Without DATABASE_URL it starts an embedded PostgreSQL under DATA_DIR; then it
// migrates, bootstraps and serves Next.js until SIGINT/SIGTERM, and stops
// PostgreSQL cleanly.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseEnv } from "../lib/config/env";
import { redactUrl } from "../lib/db/url";
import { createEnterpriseDb } from "../lib/db/enterprise";
import { closeAdminPools } from "../lib/provisioning/admin";
import { bootstrap } from "../lib/runtime/bootstrap";
import { EMBEDDED_ENTERPRISE_DB, ensureDataDir, loadOrCreateSecrets, lockDataDir } from "../lib/runtime/data-dir";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/runtime/embedded-postgres";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function fail(message: string): never {
  console.error(`bisman: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const dataDir = ensureDataDir(env.DATA_DIR);
  const release = lockDataDir(dataDir);
  let pg: EmbeddedServer | undefined;
  // What this script settles (the embedded URL, generated secrets) goes into its own environment
  // too: bootstrap's reconcile decrypts and encrypts with MASTER_KEY before Next.js starts.
  const settled: Record<string, string | undefined> = { DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: process.env.NEXT_TELEMETRY_DISABLED ?? "1" };

  if (!env.DATABASE_URL) {
    const secrets = loadOrCreateSecrets(dataDir);
    const t0 = Date.now();
    pg = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT, password: secrets.PG_PASSWORD, maxConnections: env.EMBEDDED_PG_MAX_CONNECTIONS });
    console.log(`bisman: embedded PostgreSQL on 127.0.0.1:${env.EMBEDDED_PG_PORT} (data in ${path.join(dataDir, "pg")}, ${Date.now() - t0} ms)`);
    settled.DATABASE_URL = pg.url(EMBEDDED_ENTERPRISE_DB);
    settled.MASTER_KEY = env.MASTER_KEY ?? secrets.MASTER_KEY;
    settled.AUTH_SECRET = env.AUTH_SECRET ?? secrets.AUTH_SECRET;
  } else if (env.NODE_ENV === "production" && (!env.MASTER_KEY || !env.AUTH_SECRET)) {
    release();
    fail("Invalid configuration: MASTER_KEY and AUTH_SECRET must be set when NODE_ENV=production and DATABASE_URL is set");
  } else {
    const secrets = !env.MASTER_KEY || !env.AUTH_SECRET ? loadOrCreateSecrets(dataDir) : undefined;
    settled.MASTER_KEY = env.MASTER_KEY ?? secrets?.MASTER_KEY;
    settled.AUTH_SECRET = env.AUTH_SECRET ?? secrets?.AUTH_SECRET;
  }
  Object.assign(process.env, settled);
  const childEnv: NodeJS.ProcessEnv = { ...process.env };

  let stopping = false;
  let stopRequested = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await pg?.stop().catch((err) => console.error("bisman: stopping PostgreSQL failed:", err));
    release();
    process.exit(code);
  };

  try {
    const databaseUrl = process.env.DATABASE_URL!;
    const db = createEnterpriseDb(databaseUrl, 2);
    const t0 = Date.now();
    const migrateClients = env.MIGRATE_CLIENTS_ON_START ?? !env.DATABASE_URL;
    const { firstAdmin, enterpriseVersion, clients } = await bootstrap({
      databaseUrl,
      dataDir,
      db,
      adminEmail: env.ENTERPRISE_ADMIN_EMAIL,
      adminPassword: env.ENTERPRISE_ADMIN_PASSWORD,
      migrateClients,
    });
    await db.$disconnect();
    await closeAdminPools(); // bootstrap's admin connections; the server opens its own (and none is left to be cut when PostgreSQL stops)
    console.log(`bisman: enterprise database ${redactUrl(databaseUrl)} at ${enterpriseVersion} (${Date.now() - t0} ms)`);
    if (clients) {
      const c = clients.counts;
      console.log(
        `bisman: tenant databases at ${clients.latest}: ${c.migrated} migrated, ${c.current} current, ${c.failed} failed (${clients.ms} ms)${c.failed ? "; see npm run migrate:clients" : ""}`,
      );
    }
    if (firstAdmin?.generatedPassword) {
      console.log(`bisman: created the first enterprise admin ${firstAdmin.email} with password ${firstAdmin.generatedPassword}`);
      console.log(`bisman: (shown once; also saved to ${path.join(dataDir, "initial-admin-password")}, mode 0600)`);
    } else if (firstAdmin) {
      console.log(`bisman: created the first enterprise admin ${firstAdmin.email} (password from ENTERPRISE_ADMIN_PASSWORD)`);
    }
  } catch (err) {
    console.error(`bisman: start-up failed: ${err instanceof Error ? err.message : String(err)}`);
    return shutdown(1);
  }

  if (!dev && !existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) {
    console.log("bisman: no build found; running `next build` once (about 20 s on 2 cores)…");
    const built = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
    if (built.status !== 0) return shutdown(built.status ?? 1);
  }

  // Next's request handler behind our front server (scripts/serve.ts): forwarding headers from the socket and
  // TRUSTED_PROXIES, hostile requests refused before Next (docs/security.md). `next start` would set NODE_ENV.
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts"), ...(dev ? ["--dev"] : [])], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  const base = `http://${env.APP_DOMAIN}:${env.PORT}`;
  console.log(`bisman: serving ${base} — admin console ${base}/admin/sign-in; tenants at http://<slug>.${env.APP_DOMAIN}:${env.PORT}`);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      stopRequested = true;
      if (child.exitCode === null) child.kill("SIGTERM");
      else void shutdown(0);
    });
  }
  // The server exits 0 on the SIGTERM we send it (143 if a signal kills it first): a clean stop, not a failure.
  child.on("exit", (code) => void shutdown(stopRequested ? 0 : code || 1));
}

main().catch((err) => {
  if (err instanceof ConfigError) fail(err.message);
  fail(err instanceof Error ? err.message : String(err));
});
