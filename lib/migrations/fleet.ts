import os from "node:os";
import pg from "pg";
import {
  applyMigrations,
  applyPredicted,
  MigrationChecksumError,
  MigrationFailedError,
  MigrationLockedError,
  pendingMigrations,
  type AppliedRow,
} from "./apply";
import { latestVersion, type Migration } from "./load";

// Brings a fleet of databases to the latest migration: bounded concurrency per
// server, a canary wave first, a failure threshold after which nothing new
// starts, one connection per database for all its migrations, a result per
// database as soon as it is known. Everything that makes a single database safe
// (advisory lock, checksums, transactional DDL) lives in applyMigrations.

export interface FleetTarget {
  id: string;
  /** What a person recognises: slug, or database name. */
  label: string;
  /** Admin (DDL-capable) URL of the target database. Never reported or logged. */
  url: string;
  /** Targets on one server share its concurrency limit. */
  shardId?: string;
  /** Login role that keeps DML rights on new tables (see ApplyOptions.grantTo). */
  grantTo?: string;
}

export type FleetStatus =
  | "migrated" // applied at least one migration
  | "current" // nothing to apply
  | "pending" // dry run: `pending` lists what would run
  | "failed"
  | "skipped" // another run holds the database's lock
  | "not-started"; // the run stopped (canary failed, too many failures, aborted) before reaching it

export interface FleetResult {
  id: string;
  label: string;
  shardId?: string;
  status: FleetStatus;
  /** Applied in this run. */
  applied: string[];
  /** Dry run: what would be applied. */
  pending: string[];
  /** Newest applied migration as far as this run knows (null when unknown or none). */
  version: string | null;
  /** Safe to show an operator: never a URL or a password. */
  error?: string;
  /** "checksum" | "migration" | "connect" | SQLSTATE-less other failures. */
  errorKind?: "checksum" | "migration" | "connect" | "other";
  /** The migration that failed, when one did. */
  failedMigration?: string;
  ms: number;
  wave: "canary" | "main";
  /** "predicted": one round trip, the database held what the previous one did (see FleetMemory). */
  path?: "predicted" | "general";
}

export type StopReason = "canary-failed" | "max-failures" | "aborted";

export interface FleetOptions {
  migrations: Migration[];
  /** Databases migrated at once per server (shard). Default: defaultConcurrency(). */
  concurrency?: number;
  /** The first N targets run (and must all succeed) before the others start. Default 0. */
  canary?: number;
  /** No new target starts once this many have failed. Default: no limit. */
  maxFailures?: number;
  dryRun?: boolean;
  /** When another run holds a database's lock: "skip" it (default) or "wait" for it. */
  onLocked?: "skip" | "wait";
  /** lock_timeout for the DDL statements, ms (default 10 s; 0 for none). */
  lockTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Stop starting new targets (e.g. on SIGINT); running ones finish. */
  signal?: AbortSignal;
  onStart?: (target: Pick<FleetTarget, "id" | "label" | "shardId">) => void;
  /** Awaited: a slow recorder slows the run rather than piling up. Its errors are reported to onRecordError, not to the target. */
  onResult?: (result: FleetResult) => void | Promise<void>;
  onRecordError?: (err: unknown, result: FleetResult) => void;
}

export interface FleetSummary {
  results: FleetResult[];
  counts: Record<FleetStatus, number>;
  stopped: StopReason | null;
  latest: string | null;
  ms: number;
  concurrency: number;
}

/**
 * Databases migrated at once per server: two per local core (beyond that the
 * server's CPU, not the client, is the bottleneck; measured: no gain above 4 on
 * 2 cores), never more than a quarter of the connections the server has free.
 */
export function defaultConcurrency(freeConnections?: number): number {
  const byCores = 2 * (os.availableParallelism?.() ?? os.cpus().length);
  const byBudget = freeConnections === undefined ? byCores : Math.floor(freeConnections / 4);
  return Math.max(1, Math.min(byCores, byBudget));
}

/** Free connection slots on a server, as seen from an admin connection. */
export async function freeConnections(db: pg.ClientBase): Promise<number> {
  const res = await db.query<{ free: number }>(
    `SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int
            - (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend')::int AS free`,
  );
  return res.rows[0]!.free;
}

const URL_PATTERN = /postgres(?:ql)?:\/\/\S+/gi;
/** Error text an operator may see: PostgreSQL's message, never a connection string. */
export function safeMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(URL_PATTERN, "<url>").slice(0, 2000);
}

function emptyCounts(): Record<FleetStatus, number> {
  return { migrated: 0, current: 0, pending: 0, failed: 0, skipped: 0, "not-started": 0 };
}

/**
 * What the fleet learnt from a database it migrated: what that database held before. Tenants of
 * a fleet are nearly always alike, so the next database is predicted to hold the same, and
 * migrated in one round trip (applyPredicted), which checks the prediction under the lock and
 * changes nothing when it is wrong. Set once per run, by the first database that applied something.
 */
export interface FleetMemory {
  prior?: { applied: AppliedRow[]; grantsCovered: boolean };
}

/** Migrates one database over one connection. Never throws: failures are results. */
export async function migrateTarget(
  target: FleetTarget,
  opts: Pick<FleetOptions, "migrations" | "dryRun" | "onLocked" | "lockTimeoutMs" | "connectTimeoutMs">,
  wave: FleetResult["wave"] = "main",
  memory: FleetMemory = {},
): Promise<FleetResult> {
  const t0 = performance.now();
  const base = { id: target.id, label: target.label, shardId: target.shardId, wave, applied: [] as string[], pending: [] as string[] };
  const done = (r: Omit<FleetResult, keyof typeof base | "ms"> & Partial<typeof base>): FleetResult => ({
    ...base,
    ...r,
    ms: Math.round(performance.now() - t0),
  });
  const db = new pg.Client({
    connectionString: target.url,
    application_name: "bisman-fleet-migrate",
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 10_000,
  });
  // A dropped connection emits 'error' on the client; without a listener it would crash the process.
  db.on("error", () => undefined);
  try {
    await db.connect();
  } catch (err) {
    await db.end().catch(() => undefined);
    return done({ status: "failed", version: null, error: `cannot connect: ${safeMessage(err)}`, errorKind: "connect" });
  }
  try {
    const common = { skipIfLocked: (opts.onLocked ?? "skip") === "skip", lockTimeoutMs: opts.lockTimeoutMs ?? 10_000, grantTo: target.grantTo };
    const prior = memory.prior;
    const predicted = prior && !opts.dryRun ? pendingMigrations(opts.migrations, prior.applied) : [];
    const fast = predicted.length === 1 ? await applyPredicted(db, predicted[0]!, prior!, common) : null;
    const res =
      fast ??
      (await applyMigrations(db, opts.migrations, {
        ...common,
        dryRun: opts.dryRun,
        releaseLock: false, // db.end() below releases it with the session
        onPriorState: (state) => (memory.prior ??= state),
      }));
    if (opts.dryRun) return done({ status: res.applied.length ? "pending" : "current", pending: res.applied, version: res.version });
    return done({ status: res.applied.length ? "migrated" : "current", applied: res.applied, version: res.version, path: fast ? "predicted" : "general" });
  } catch (err) {
    if (err instanceof MigrationLockedError) return done({ status: "skipped", version: null, error: err.message });
    const version = await currentVersion(db);
    if (err instanceof MigrationChecksumError) {
      return done({ status: "failed", version, error: err.message, errorKind: "checksum", failedMigration: err.migration });
    }
    if (err instanceof MigrationFailedError) {
      return done({ status: "failed", version, error: safeMessage(err), errorKind: "migration", failedMigration: err.migration });
    }
    return done({ status: "failed", version, error: safeMessage(err), errorKind: "other" });
  } finally {
    // Ending the session also releases its advisory lock if an unlock was lost.
    await db.end().catch(() => undefined);
  }
}

async function currentVersion(db: pg.Client): Promise<string | null> {
  try {
    const res = await db.query<{ v: string | null }>(
      `SELECT max(migration_name) AS v FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    return res.rows[0]?.v ?? null;
  } catch {
    return null;
  }
}

/** Runs the migrations over every target; resolves when all started targets have finished. */
export async function migrateFleet(targets: FleetTarget[], opts: FleetOptions): Promise<FleetSummary> {
  const t0 = performance.now();
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? defaultConcurrency()));
  const maxFailures = opts.maxFailures ?? Infinity;
  const results: FleetResult[] = [];
  const counts = emptyCounts();
  let failures = 0;
  let stopped: StopReason | null = null;
  const memory: FleetMemory = {};

  const mayStart = (): boolean => {
    if (stopped) return false;
    if (opts.signal?.aborted) stopped = "aborted";
    else if (failures >= maxFailures) stopped = "max-failures";
    return stopped === null;
  };

  const record = async (r: FleetResult) => {
    results.push(r);
    counts[r.status]++;
    if (r.status === "failed") failures++;
    try {
      await opts.onResult?.(r);
    } catch (err) {
      opts.onRecordError?.(err, r);
    }
  };

  // Per shard, `concurrency` workers take targets in order; shards run side by side.
  const runWave = async (wave: FleetTarget[], kind: FleetResult["wave"]) => {
    const byShard = new Map<string, FleetTarget[]>();
    for (const t of wave) {
      const key = t.shardId ?? "";
      if (!byShard.has(key)) byShard.set(key, []);
      byShard.get(key)!.push(t);
    }
    await Promise.all(
      [...byShard.values()].map(async (queue) => {
        let next = 0;
        const worker = async () => {
          while (next < queue.length && mayStart()) {
            const target = queue[next++]!;
            opts.onStart?.({ id: target.id, label: target.label, shardId: target.shardId });
            await record(await migrateTarget(target, opts, kind, memory));
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      }),
    );
  };

  const canaryCount = Math.min(Math.max(0, opts.canary ?? 0), targets.length);
  const canary = targets.slice(0, canaryCount);
  await runWave(canary, "canary");
  if (!stopped && canary.length > 0 && results.some((r) => r.status === "failed")) stopped = "canary-failed";
  if (!stopped) await runWave(targets.slice(canaryCount), "main");

  const seen = new Set(results.map((r) => r.id));
  for (const [i, t] of targets.entries()) {
    if (seen.has(t.id)) continue;
    const r: FleetResult = {
      id: t.id,
      label: t.label,
      shardId: t.shardId,
      status: "not-started",
      applied: [],
      pending: [],
      version: null,
      ms: 0,
      wave: i < canaryCount ? "canary" : "main",
    };
    results.push(r);
    counts["not-started"]++;
  }
  return { results, counts, stopped, latest: latestVersion(opts.migrations), ms: Math.round(performance.now() - t0), concurrency };
}
