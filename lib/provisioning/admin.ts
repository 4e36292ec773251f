import pg from "pg";
import { databaseName, quoteIdent, withDatabase } from "../db/url";
import { log } from "../observability/log";
import { getShard, shardAdminUrl, type ShardInfo } from "../tenancy/shards";
import type { EnterpriseDb } from "../db/enterprise";
import { ADVISORY_LOCKS } from "../db/locks";

// Admin connections to a shard's `postgres` database, pooled (a new connection
// costs 20–35 ms, a third of a provisioning). The admin URL comes from the
// environment (or an override at start-up) and is never logged.

const pools = new Map<string, pg.Pool>();

export interface AdminUrlOverrides {
  /** Admin URLs by environment variable name, used before process.env (start-up runs before the env is complete). */
  adminUrls?: Record<string, string | undefined>;
}

export function resolveAdminUrl(shard: Pick<ShardInfo, "adminUrlEnv" | "name">, o: AdminUrlOverrides = {}): string {
  return o.adminUrls?.[shard.adminUrlEnv] ?? shardAdminUrl(shard);
}

function poolFor(adminUrl: string): pg.Pool {
  const url = withDatabase(adminUrl, "postgres");
  let pool = pools.get(url);
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 30_000, application_name: "bisman-provisioning" });
    pool.on("error", (err) => log.warn("provisioning admin connection error", { code: (err as { code?: string }).code }));
    pools.set(url, pool);
  }
  return pool;
}

/** Runs fn on one admin connection of the shard's server (database `postgres`). */
export async function withShardAdmin<T>(adminUrl: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await poolFor(adminUrl).connect();
  let broken = false;
  try {
    return await fn(client);
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    // A connection that saw an error may hold session state (locks): do not reuse it.
    client.release(broken);
  }
}

export async function adminUrlForShardId(db: EnterpriseDb, shardId: string, o?: AdminUrlOverrides): Promise<string> {
  return resolveAdminUrl(await getShard(shardId, db), o);
}

/** Closes the admin pools (scripts, tests). */
export async function closeAdminPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((p) => p.end().catch(() => undefined)));
}

const hardened = new Map<string, Promise<void>>();
const HARDEN_LOCK = ADVISORY_LOCKS.serverHardening;

/**
 * Tenant roles must reach nothing but their own database. PostgreSQL grants
 * CONNECT on `postgres`, `template1` and any new database to PUBLIC, so once
 * per server: keep CONNECT for the admin role itself, revoke it from PUBLIC
 * (superusers are unaffected). `enterpriseUrl` adds the enterprise database
 * when it lives on this server.
 */
export function hardenServer(adminUrl: string, enterpriseUrl?: string): Promise<void> {
  const u = new URL(adminUrl);
  const e = enterpriseUrl ? new URL(enterpriseUrl) : null;
  const names = ["postgres", "template1"];
  if (e && e.host === u.host) names.push(databaseName(enterpriseUrl!));
  const key = `${u.host}|${names.join(",")}`;
  let done = hardened.get(key);
  if (!done) {
    done = withShardAdmin(adminUrl, async (admin) => {
      // Other app instances (or test workers) may harden the same server at the same moment:
      // concurrent GRANTs on one database fail with "tuple concurrently updated", so take turns.
      await admin.query("BEGIN");
      try {
        await admin.query("SELECT pg_advisory_xact_lock($1)", [HARDEN_LOCK]);
        for (const name of names) {
          const q = quoteIdent(name);
          await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${q} TO CURRENT_USER`);
          await admin.query(`REVOKE CONNECT, TEMPORARY ON DATABASE ${q} FROM PUBLIC`);
        }
        await admin.query("COMMIT");
      } catch (err) {
        await admin.query("ROLLBACK").catch(() => undefined);
        throw err;
      }
    });
    done.catch(() => hardened.delete(key));
    hardened.set(key, done);
  }
  return done;
}
