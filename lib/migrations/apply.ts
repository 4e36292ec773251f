import { createHash, randomUUID } from "node:crypto";
import type { ClientBase } from "pg";
import type { Migration } from "./load";
import { ADVISORY_LOCKS } from "../db/locks";

// Applies committed migrations to one database and records them in
// _prisma_migrations exactly as `prisma migrate deploy` would, so Prisma's own
// tooling agrees about the state where its engine is available.
//
// One connection does everything for a database (the connection is the
// expensive part: 20–35 ms); a session advisory lock serialises runs on the
// same database; each transactional migration commits once, with its
// bookkeeping row and any grants, so a failure leaves the database as it was.

export class MigrationChecksumError extends Error {
  override name = "MigrationChecksumError";
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied (checksum mismatch); add a new migration instead`);
  }
}

export class MigrationFailedError extends Error {
  override name = "MigrationFailedError";
  constructor(
    readonly migration: string,
    override readonly cause: unknown,
  ) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  /** SQLSTATE of the failing statement, when PostgreSQL gave one. */
  get sqlState(): string | undefined {
    return (this.cause as { code?: string } | undefined)?.code;
  }
}

export class MigrationLockedError extends Error {
  override name = "MigrationLockedError";
  constructor() {
    super("another migration run holds this database's migration lock");
  }
}

export interface ApplyResult {
  applied: string[];
  /** Name of the newest applied migration after the run (before it, for a dry run). */
  version: string | null;
}

export interface ApplyOptions {
  /** Skip instead of waiting when another run holds the lock. */
  skipIfLocked?: boolean;
  /** Only report what would run (`applied` lists the pending migrations); takes no lock, changes nothing. */
  dryRun?: boolean;
  /**
   * lock_timeout for the migration's own statements (not for the advisory lock wait), in ms.
   * A DDL statement queued behind a long transaction would otherwise block every
   * query of the tenant queued behind it; better to fail this tenant and retry later.
   */
  lockTimeoutMs?: number;
  /**
   * Login role that must keep DML rights on everything in schema public: tables and
   * sequences a migration creates are owned by the admin, so in the migration's own
   * transaction the role is granted what it lacks (nothing is written when nothing lacks).
   */
  grantTo?: string;
  /** Release the advisory lock at the end (default). False when the caller ends the session anyway. */
  releaseLock?: boolean;
  /**
   * Told what the database held before this run applied anything (when something was pending and
   * the checksums agreed): the fleet uses it to predict the next database.
   */
  onPriorState?: (state: { applied: AppliedRow[]; grantsCovered: boolean }) => void;
}

// One key for every database: the lock is per database because advisory locks are.
export const MIGRATION_LOCK_KEY = ADVISORY_LOCKS.migrations;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface AppliedRow {
  migration_name: string;
  checksum: string;
}

export async function appliedMigrations(db: ClientBase): Promise<AppliedRow[]> {
  try {
    return (await db.query<AppliedRow>(APPLIED_SQL)).rows;
  } catch (err) {
    // A database that never saw a migration (one round trip saved in the usual case).
    if ((err as { code?: string }).code === "42P01") return [];
    throw err;
  }
}

/** Migrations not yet applied; throws when an applied one no longer matches its file. */
export function pendingMigrations(all: Migration[], applied: AppliedRow[]): Migration[] {
  const byName = new Map(applied.map((r) => [r.migration_name, r.checksum]));
  for (const m of all) {
    const checksum = byName.get(m.name);
    if (checksum !== undefined && checksum !== m.checksum) throw new MigrationChecksumError(m.name);
  }
  return all.filter((m) => !byName.has(m.name));
}

function newestOf(applied: AppliedRow[], alsoApplied: string[] = []): string | null {
  let newest: string | null = null;
  for (const name of [...applied.map((r) => r.migration_name), ...alsoApplied]) if (newest === null || name > newest) newest = name;
  return newest;
}

const APPLIED_SQL = `SELECT migration_name, checksum FROM "_prisma_migrations"
  WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;

/**
 * True when default privileges (set by provisioning, ALTER DEFAULT PRIVILEGES as
 * the admin) already give `role` DML on tables and sequences the current user
 * creates in public: then new objects need no grant and the check is skipped.
 */
function coveredSql(role: string): string {
  return `SELECT count(DISTINCT d.defaclobjtype) = 2 AS covered
    FROM pg_default_acl d CROSS JOIN LATERAL aclexplode(d.defaclacl) a
   WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
     AND d.defaclnamespace = 'public'::regnamespace
     AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = ${literal(role)})
     AND ((d.defaclobjtype = 'r' AND a.privilege_type = 'INSERT') OR (d.defaclobjtype = 'S' AND a.privilege_type = 'USAGE'))`;
}

interface Prelude {
  applied: AppliedRow[];
  /** Whether grants must be checked after each migration. */
  grant: boolean;
}

/**
 * Takes the lock and reads the state in one round trip (lock; default privileges;
 * applied rows). Session advisory locks survive a failed statement, so when the
 * bookkeeping table does not exist yet (a database never migrated) pg_locks says
 * whether we hold the lock.
 */
async function lockAndRead(db: ClientBase, opts: ApplyOptions): Promise<Prelude> {
  const lock = opts.skipIfLocked
    ? `SELECT pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) AS locked`
    : `SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY}), true AS locked`;
  const statements = [lock, ...(opts.grantTo ? [coveredSql(opts.grantTo)] : []), APPLIED_SQL];
  try {
    const results = (await db.query(statements.join(";\n"))) as unknown as Array<{ rows: Array<Record<string, unknown>> }>;
    if (!results[0]!.rows[0]!.locked) throw new MigrationLockedError();
    return { grant: opts.grantTo ? !results[1]!.rows[0]!.covered : false, applied: results.at(-1)!.rows as unknown as AppliedRow[] };
  } catch (err) {
    if ((err as { code?: string }).code !== "42P01") throw err;
  }
  const held = await db.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND classid = 0 AND objid = $1 AND objsubid = 1`,
    [MIGRATION_LOCK_KEY],
  );
  if (held.rows[0].n === 0) {
    if (opts.skipIfLocked) throw new MigrationLockedError();
    await db.query(`SELECT pg_advisory_lock($1)`, [MIGRATION_LOCK_KEY]);
  }
  const covered = opts.grantTo ? (await db.query(coveredSql(opts.grantTo))).rows[0].covered : true;
  return { grant: opts.grantTo ? !covered : false, applied: await appliedMigrations(db) };
}

export async function applyMigrations(db: ClientBase, migrations: Migration[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  if (opts.dryRun) {
    const applied = await appliedMigrations(db);
    return { applied: pendingMigrations(migrations, applied).map((m) => m.name), version: newestOf(applied) };
  }
  // Read under the lock: a run that held it before us may have applied some.
  const { applied, grant } = await lockAndRead(db, opts);
  try {
    const pending = pendingMigrations(migrations, applied);
    if (pending.length > 0) opts.onPriorState?.({ applied, grantsCovered: !grant });
    // Rows came from the table, so it exists; only a first migration creates it.
    if (pending.length > 0 && applied.length === 0) await db.query(CREATE_TABLE);
    const done: string[] = [];
    for (const m of pending) {
      await applyOne(db, m, { ...opts, grantTo: grant ? opts.grantTo : undefined });
      done.push(m.name);
    }
    return { applied: done, version: newestOf(applied, done) };
  } finally {
    // A caller that ends the session right away saves this round trip: the lock goes with the session.
    if (opts.releaseLock !== false) await db.query(`SELECT pg_advisory_unlock($1)`, [MIGRATION_LOCK_KEY]).catch(() => undefined);
  }
}

const GUARD = "bisman-guard:";

/** Raises (22P02, message starting with GUARD) when `condition` is false; the cast is not constant, so the planner cannot fold it. */
const guard = (condition: string, what: string) =>
  `SELECT CASE WHEN ${condition} THEN 0 ELSE CAST(${literal(GUARD + what + ":")} || pg_backend_pid() AS int) END`;

/** The applied set as one comparable string: "name:checksum,…" in byte order (COLLATE "C" on the server). */
function stateKey(applied: AppliedRow[]): string {
  const s = applied
    .map((r) => `${r.migration_name}:${r.checksum}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(",");
  return createHash("sha256").update(s, "utf8").digest("hex");
}

const STATE_SQL = `encode(sha256(convert_to(coalesce((SELECT string_agg(migration_name || ':' || checksum, ',' ORDER BY migration_name || ':' || checksum COLLATE "C")
  FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL), ''), 'UTF8')), 'hex')`;

/**
 * The fleet's fast path: one round trip applies `next` to a database predicted to hold exactly
 * `prior` (what the previous database of the fleet held). In one transaction: the advisory
 * lock (transaction-level; it conflicts with the session-level lock of applyMigrations), then,
 * in a statement of its own so that it reads after the lock, a check that the applied set is
 * exactly `prior` (names and checksums, so the checksum verification holds), then the file,
 * its bookkeeping row, COMMIT. Returns null, having changed nothing, when the prediction is
 * wrong or another run holds the lock: the caller then takes the general path (applyMigrations).
 */
export async function applyPredicted(
  db: ClientBase,
  next: Migration,
  prior: { applied: AppliedRow[]; grantsCovered: boolean },
  opts: Pick<ApplyOptions, "skipIfLocked" | "lockTimeoutMs" | "grantTo"> = {},
): Promise<ApplyResult | null> {
  if (!next.transactional || prior.applied.length === 0) return null;
  if (opts.grantTo && !prior.grantsCovered) return null; // grants need the general path's check
  const parts = [
    "BEGIN",
    opts.skipIfLocked ? guard(`pg_try_advisory_xact_lock(${MIGRATION_LOCK_KEY})`, "locked") : `SELECT pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`,
    guard(`${STATE_SQL} = ${literal(stateKey(prior.applied))}`, "state"),
  ];
  if (opts.grantTo) parts.push(guard(`(${coveredSql(opts.grantTo)})`, "grants"));
  if (opts.lockTimeoutMs) parts.push(`SET LOCAL lock_timeout = ${literal(`${Math.max(1, Math.round(opts.lockTimeoutMs))}ms`)}`);
  parts.push(next.sql, recordSql(next), "COMMIT");
  try {
    await db.query(parts.join("\n;\n"));
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined);
    const e = err as { code?: string; message?: string };
    if ((e.code === "22P02" && e.message?.includes(GUARD)) || e.code === "42P01") return null;
    throw new MigrationFailedError(next.name, err);
  }
  return { applied: [next.name], version: newestOf(prior.applied, [next.name]) };
}

const RECORD = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
  VALUES ($1, $2, $3, $4, now(), 1)`;

async function applyOne(db: ClientBase, m: Migration, opts: ApplyOptions): Promise<void> {
  const startedAt = new Date();
  const lockTimeout = opts.lockTimeoutMs ? `${Math.max(1, Math.round(opts.lockTimeoutMs))}ms` : null;
  if (!m.transactional) {
    // Statements such as CREATE INDEX CONCURRENTLY refuse to run in a transaction
    // block, and a query string with several statements is one: send them one by
    // one, and record the migration only once all have succeeded. Such a file must
    // be safe to run again (IF NOT EXISTS …), since a failure can leave part of it.
    try {
      if (lockTimeout) await db.query(`SELECT set_config('lock_timeout', $1, false)`, [lockTimeout]);
      for (const statement of splitStatements(m.sql)) await db.query(statement);
      if (opts.grantTo) await db.query(grantSql(opts.grantTo));
    } catch (err) {
      throw new MigrationFailedError(m.name, err);
    } finally {
      if (lockTimeout) await db.query(`RESET lock_timeout`).catch(() => undefined);
    }
    await db.query(RECORD, [randomUUID(), m.checksum, m.name, startedAt]);
    return;
  }
  // One round trip for the whole transaction (under load every round trip is a
  // scheduling cycle of two processes): BEGIN, the file, its bookkeeping row,
  // the grants, COMMIT. The separator survives a file ending in a line comment.
  // When a statement fails, PostgreSQL skips the rest of the string and leaves
  // the transaction aborted: nothing of the file stays, and ROLLBACK ends it.
  const parts = ["BEGIN"];
  if (lockTimeout) parts.push(`SET LOCAL lock_timeout = ${literal(lockTimeout)}`);
  parts.push(m.sql, recordSql(m));
  if (opts.grantTo) parts.push(grantSql(opts.grantTo));
  parts.push("COMMIT");
  try {
    await db.query(parts.join("\n;\n"));
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw new MigrationFailedError(m.name, err);
  }
}

const literal = (v: string) => `'${v.replaceAll("'", "''")}'`;

/** The bookkeeping row, inline (a multi-statement string takes no parameters); started_at is the transaction's start. */
function recordSql(m: Migration): string {
  return `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
  VALUES (${literal(randomUUID())}, ${literal(m.checksum)}, ${literal(m.name)}, now(), clock_timestamp(), 1)`;
}

/**
 * DML on every table, view and sequence of schema public that `role` lacks it on,
 * except the migration bookkeeping. One round trip; writes nothing when nothing lacks.
 */
export function grantSql(role: string): string {
  const lit = literal(role);
  return `DO $bisman_grant$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c
            WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND c.relname <> '_prisma_migrations'
              AND NOT CASE WHEN c.relkind = 'S' THEN has_sequence_privilege(${lit}, c.oid, 'USAGE')
                           ELSE has_table_privilege(${lit}, c.oid, 'SELECT') END
  LOOP
    IF r.relkind = 'S' THEN
      EXECUTE format('GRANT USAGE, SELECT, UPDATE ON SEQUENCE %s TO %I', r.rel, ${lit});
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO %I', r.rel, ${lit});
    END IF;
  END LOOP;
END
$bisman_grant$`;
}

/**
 * Splits SQL into statements at top-level semicolons, respecting quotes,
 * dollar quotes and comments. Comment-only pieces are dropped.
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  let meaningful = false;
  const n = sql.length;
  const push = (end: number) => {
    const piece = sql.slice(start, end).trim();
    if (meaningful && piece) out.push(piece);
    meaningful = false;
  };
  while (i < n) {
    const c = sql[i]!;
    const next = sql[i + 1];
    if (c === "-" && next === "-") {
      const nl = sql.indexOf("\n", i);
      i = nl === -1 ? n : nl + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (sql[i] === "/" && sql[i + 1] === "*") {
          depth++;
          i += 2;
        } else if (sql[i] === "*" && sql[i + 1] === "/") {
          depth--;
          i += 2;
        } else i++;
      }
    } else if (c === "'" || c === '"') {
      const escapes = c === "'" && i > 0 && /[eE]/.test(sql[i - 1]!) && !/[\w$]/.test(sql[i - 2] ?? "");
      meaningful = true;
      i++;
      while (i < n) {
        if (escapes && sql[i] === "\\") i += 2;
        else if (sql[i] === c && sql[i + 1] === c) i += 2;
        else if (sql[i] === c) {
          i++;
          break;
        } else i++;
      }
    } else if (c === "$" && !/[\w$]/.test(sql[i - 1] ?? "")) {
      const tag = /^\$([A-Za-z_][\w]*)?\$/.exec(sql.slice(i));
      meaningful = true;
      if (tag) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        i = end === -1 ? n : end + tag[0].length;
      } else i++;
    } else if (c === ";") {
      push(i);
      start = ++i;
    } else {
      if (!/\s/.test(c)) meaningful = true;
      i++;
    }
  }
  push(n);
  return out;
}
