import { createHash, randomBytes } from "node:crypto";
import type pg from "pg";
import { databaseName, quoteIdent } from "../db/url";
import { latestVersion, loadMigrations } from "../migrations";
import { log } from "../observability/log";
import { tenancySettings } from "../tenancy/settings";
import { withShardAdmin } from "./admin";
import { cloneTemplate } from "./resources";
import { safeError } from "./safe-error";
import { ADVISORY_LOCKS } from "../db/locks";

// Spare databases: clones of the client template made ahead of time, in the
// background, so that provisioning renames one (`ALTER DATABASE … RENAME`, a
// catalog update) instead of copying ~8 MB through the WAL on the request path.
// When none is left, provisioning clones inline as before. A spare's name says
// whose it is and which schema it has: bspare_<deployment>_<version>_<random>,
// so a spare made before a client migration is never handed out (it is dropped),
// and a crash never leaves an unrecognisable database behind.
// TENANT_SPARE_DATABASES sets how many to keep per server (default 2; 0 disables).

const hash8 = (s: string) => createHash("sha256").update(s).digest("hex").slice(0, 8);

export function spareTarget(): number {
  return tenancySettings().TENANT_SPARE_DATABASES;
}

export interface SpareScope {
  /** bspare_<deployment>_ : every spare of this deployment. */
  deploymentPrefix: string;
  /** bspare_<deployment>_<version>_ : spares with the current client schema. */
  currentPrefix: string;
}

export function spareScope(enterpriseUrl: string): SpareScope {
  const deploymentPrefix = `bspare_${hash8(databaseName(enterpriseUrl))}_`;
  return { deploymentPrefix, currentPrefix: `${deploymentPrefix}${hash8(latestVersion(loadMigrations("client")) ?? "none")}_` };
}

const like = (prefix: string) => `${prefix.replaceAll("_", "\\_")}%`;

// A spare is made under a staging name and renamed to a ready name only once it
// is closed to PUBLIC: provisioners claim ready spares only, so nobody alters a
// database another session is still altering. (Concurrent changes to one
// pg_database row fail with "tuple concurrently updated" on PostgreSQL 15.)
const readyPrefix = (scope: SpareScope) => `${scope.currentPrefix}r_`;
const stagingPrefix = (scope: SpareScope) => `${scope.currentPrefix}s_`;

/** Renames a ready spare to `dbName`; false when there is none (the caller clones). */
export async function claimSpare(admin: pg.ClientBase, dbName: string, scope: SpareScope): Promise<boolean> {
  // Claims take turns per server, so two provisioners never rename the same spare at once.
  await admin.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCKS.spareClaim]);
  try {
    const spares = await admin.query<{ name: string }>("SELECT datname AS name FROM pg_database WHERE datname LIKE $1 ORDER BY datname LIMIT 8", [
      like(readyPrefix(scope)),
    ]);
    for (const { name } of spares.rows) {
      try {
        await admin.query(`ALTER DATABASE ${quoteIdent(name)} RENAME TO ${quoteIdent(dbName)}`);
        return true;
      } catch (err) {
        const code = (err as { code?: string }).code;
        // Gone meanwhile (3D000: another app instance's purge), or in use (55006): try the next one.
        if (code === "3D000" || code === "55006") continue;
        throw err;
      }
    }
    return false;
  } finally {
    await admin.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCKS.spareClaim]);
  }
}

const running = new Map<string, Promise<void>>();
const stopped = new Set<string>();

/** Tops the server's spares up to the target, in the background (one run per server and deployment at a time). */
export function replenishSpares(adminUrl: string, scope: SpareScope, target = spareTarget()): Promise<void> {
  const key = `${new URL(adminUrl).host}|${scope.deploymentPrefix}`;
  if (target === 0 || stopped.has(key)) return Promise.resolve();
  let run = running.get(key);
  if (!run) {
    run = withShardAdmin(adminUrl, async (admin) => {
      const all = await admin.query<{ name: string }>("SELECT datname AS name FROM pg_database WHERE datname LIKE $1", [like(scope.deploymentPrefix)]);
      for (const { name } of all.rows) {
        // Made before a client migration, or left half-made by a crash.
        if (!name.startsWith(readyPrefix(scope))) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }
      let have = all.rows.filter((r) => r.name.startsWith(readyPrefix(scope))).length;
      while (have < target && !stopped.has(key)) {
        const id = randomBytes(8).toString("hex");
        const staging = `${stagingPrefix(scope)}${id}`;
        await cloneTemplate(admin, staging);
        await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(staging)} FROM PUBLIC`);
        await admin.query(`ALTER DATABASE ${quoteIdent(staging)} RENAME TO ${quoteIdent(`${readyPrefix(scope)}${id}`)}`);
        have++;
      }
    })
      .catch((err) => log.warn("could not make spare tenant databases; provisioning clones inline", { err: safeError(err) }))
      .finally(() => running.delete(key));
    running.set(key, run);
  }
  return run;
}

/** Stops replenishing and drops every spare of this deployment on the server (tests, teardown). */
export async function dropSpares(adminUrl: string, scope: SpareScope): Promise<void> {
  const key = `${new URL(adminUrl).host}|${scope.deploymentPrefix}`;
  stopped.add(key);
  await running.get(key);
  await withShardAdmin(adminUrl, async (admin) => {
    const all = await admin.query<{ name: string }>("SELECT datname AS name FROM pg_database WHERE datname LIKE $1", [like(scope.deploymentPrefix)]);
    for (const { name } of all.rows) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  });
  stopped.delete(key);
}
