import { randomUUID } from "node:crypto";
import type { ClientBase } from "pg";
import type { Migration } from "./load";

// Applies committed migrations to one database and records them in
// _prisma_migrations exactly as `prisma migrate deploy` would, so Prisma's own
// tooling agrees about the state where its engine is available.

export class MigrationChecksumError extends Error {
  override name = "MigrationChecksumError";
  constructor(readonly migration: string) {
    super(`migration ${migration} was changed after it was applied (checksum mismatch); add a new migration instead`);
  }
}

export class MigrationFailedError extends Error {
  override name = "MigrationFailedError";
  constructor(readonly migration: string, override readonly cause: unknown) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
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
  /** Name of the newest applied migration after the run. */
  version: string | null;
}

export interface ApplyOptions {
  /** Skip instead of waiting when another run holds the lock. */
  skipIfLocked?: boolean;
  /** Only report what would run. */
  dryRun?: boolean;
}

// One key for every database: the lock is per database because advisory locks are.
const LOCK_KEY = 72_707_369; // "bisman migrations"

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

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

export async function appliedMigrations(db: ClientBase): Promise<AppliedRow[]> {
  const exists = await db.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS ok`);
  if (!exists.rows[0].ok) return [];
  const res = await db.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return res.rows;
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

export async function applyMigrations(db: ClientBase, migrations: Migration[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  if (opts.skipIfLocked) {
    const got = await db.query(`SELECT pg_try_advisory_lock($1) AS ok`, [LOCK_KEY]);
    if (!got.rows[0].ok) throw new MigrationLockedError();
  } else {
    await db.query(`SELECT pg_advisory_lock($1)`, [LOCK_KEY]);
  }
  try {
    const pending = pendingMigrations(migrations, await appliedMigrations(db));
    if (opts.dryRun) return { applied: pending.map((m) => m.name), version: migrations.at(-1)?.name ?? null };
    if (pending.length > 0) await db.query(CREATE_TABLE);
    for (const m of pending) await applyOne(db, m);
    const rows = await appliedMigrations(db);
    return { applied: pending.map((m) => m.name), version: rows.at(-1)?.migration_name ?? null };
  } finally {
    await db.query(`SELECT pg_advisory_unlock($1)`, [LOCK_KEY]).catch(() => undefined);
  }
}

const RECORD = `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
  VALUES ($1, $2, $3, $4, now(), 1)`;

async function applyOne(db: ClientBase, m: Migration): Promise<void> {
  const startedAt = new Date();
  if (!m.transactional) {
    // Statements such as CREATE INDEX CONCURRENTLY refuse to run in a transaction:
    // run the file on its own and record it only once it has fully succeeded.
    try {
      await db.query(m.sql);
    } catch (err) {
      throw new MigrationFailedError(m.name, err);
    }
    await db.query(RECORD, [randomUUID(), m.checksum, m.name, startedAt]);
    return;
  }
  try {
    await db.query("BEGIN");
    await db.query(m.sql);
    await db.query(RECORD, [randomUUID(), m.checksum, m.name, startedAt]);
    await db.query("COMMIT");
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw new MigrationFailedError(m.name, err);
  }
}
