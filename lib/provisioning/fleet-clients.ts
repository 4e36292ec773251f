import pg from "pg";
import { withDatabase } from "../db/url";
import { isUuid } from "../edge/tenant";
import type { EnterpriseDb } from "../db/enterprise";
import type { ClientStatus } from "../generated/enterprise/enums.ts";
import { ensureClientTemplate } from "./template";
import {
  defaultConcurrency,
  freeConnections,
  migrateFleet,
  safeMessage,
  type FleetOptions,
  type FleetResult,
  type FleetSummary,
  type FleetTarget,
} from "../migrations/fleet";
import { latestVersion, loadMigrations, type Migration } from "../migrations/load";

// The client fleet as the enterprise DB knows it: every ACTIVE and SUSPENDED
// tenant (optionally one shard or some tenants), migrated over its shard's
// ADMIN connection (DDL never runs as the tenant's own least-privilege role),
// plus each shard's client template; each result recorded on the Client row.

export const FLEET_STATUSES: ClientStatus[] = ["ACTIVE", "SUSPENDED"];

export interface ShardRow {
  id: string;
  name: string;
  adminUrlEnv: string;
}

export interface ClientTargetsOptions {
  /** Slugs or ids. */
  tenants?: string[];
  /** Shard name or id. */
  shard?: string;
  env?: Record<string, string | undefined>;
}

export interface ClientTargets {
  targets: FleetTarget[];
  shards: Array<ShardRow & { adminUrl?: string }>;
  /** Tenants that cannot be reached (their shard's admin URL is not configured): reported as failed. */
  unreachable: FleetResult[];
  /** Requested tenants that are not in the fleet (unknown, or not ACTIVE/SUSPENDED). */
  unknown: string[];
}

/**
 * The login role that must keep DML rights on tables new migrations create.
 * Provisioning names each tenant's role after its database (see lib/provisioning).
 */
export function tenantRoleOf(client: { dbName: string }): string {
  return client.dbName;
}

export async function loadClientTargets(db: EnterpriseDb, opts: ClientTargetsOptions = {}): Promise<ClientTargets> {
  const env = opts.env ?? process.env;
  const shards = await db.shard.findMany({ select: { id: true, name: true, adminUrlEnv: true }, orderBy: { name: "asc" } });
  const shard = opts.shard ? shards.find((s) => s.id === opts.shard || s.name === opts.shard) : undefined;
  if (opts.shard && !shard) throw new Error(`no shard named ${opts.shard}`);
  const wanted = opts.tenants?.map((t) => t.toLowerCase());
  const clients = await db.client.findMany({
    where: {
      status: { in: FLEET_STATUSES },
      ...(shard ? { shardId: shard.id } : {}),
      ...(wanted ? { OR: [{ slug: { in: wanted } }, { id: { in: wanted.filter(isUuid) } }] } : {}),
    },
    select: { id: true, slug: true, dbName: true, shardId: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const unknown = (wanted ?? []).filter((w) => !clients.some((c) => c.slug === w || c.id === w));
  const usedShards = shards
    .filter((s) => (shard ? s.id === shard.id : clients.some((c) => c.shardId === s.id)))
    .map((s) => ({ ...s, adminUrl: env[s.adminUrlEnv] || undefined }));
  const byId = new Map(usedShards.map((s) => [s.id, s]));
  const targets: FleetTarget[] = [];
  const unreachable: FleetResult[] = [];
  for (const c of clients) {
    const s = byId.get(c.shardId)!;
    if (!s.adminUrl) {
      unreachable.push({
        id: c.id,
        label: c.slug,
        shardId: c.shardId,
        status: "failed",
        applied: [],
        pending: [],
        version: null,
        ms: 0,
        wave: "main",
        errorKind: "connect",
        error: `shard ${s.name}: environment variable ${s.adminUrlEnv} is not set`,
      });
      continue;
    }
    targets.push({ id: c.id, label: c.slug, url: withDatabase(s.adminUrl, c.dbName), shardId: c.shardId, grantTo: tenantRoleOf(c) });
  }
  return { targets, shards: usedShards, unreachable, unknown };
}

export type RecordedStatus = "succeeded" | "failed";

const RECORD_SQL = `UPDATE "Client" AS c SET
    "schemaVersion" = CASE WHEN v.version IS NULL AND v.failed THEN c."schemaVersion" ELSE v.version END,
    "lastMigrationAt" = v.at, "lastMigrationStatus" = v.status, "lastMigrationError" = v.error, "updatedAt" = now()
  FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, version text, failed boolean, at timestamptz, status text, error text)
  WHERE c.id = v.id`;

/**
 * Writes results to their Client rows in one statement. Skipped and not-started
 * targets were not looked at: nothing is written for them. A failure that could
 * not look into the database (no connection) keeps the version that was known.
 */
export async function recordResults(db: EnterpriseDb, results: FleetResult[]): Promise<void> {
  const rows = results
    .filter((r) => r.status === "migrated" || r.status === "current" || r.status === "failed")
    .map((r) => ({
      id: r.id,
      version: r.version,
      failed: r.status === "failed",
      at: new Date().toISOString(),
      status: (r.status === "failed" ? "failed" : "succeeded") satisfies RecordedStatus,
      error: r.status === "failed" ? (r.error ?? "failed") : null,
    }));
  if (rows.length) await db.$executeRawUnsafe(RECORD_SQL, JSON.stringify(rows));
}

/**
 * Batches results (every `size` results or `ms` milliseconds): one UPDATE per
 * batch instead of one per tenant keeps the recording off the fleet's critical
 * path (on 2 cores, the client's CPU is part of the floor).
 */
export class ResultRecorder {
  private buffer: FleetResult[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  constructor(
    private readonly db: EnterpriseDb,
    private readonly onError: (err: unknown, r: FleetResult) => void = () => undefined,
    private readonly size = 50,
    private readonly ms = 250,
  ) {}

  add(r: FleetResult): void {
    this.buffer.push(r);
    if (this.buffer.length >= this.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.ms);
  }

  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length === 0) return this.flushing;
    this.flushing = this.flushing.then(() =>
      recordResults(this.db, batch).catch((err) => {
        for (const r of batch) this.onError(err, r);
      }),
    );
    return this.flushing;
  }

  /** Writes what is left and waits for every batch. */
  close(): Promise<void> {
    return this.flush();
  }
}

export interface MigrateClientsOptions extends Omit<FleetOptions, "migrations" | "concurrency"> {
  db: EnterpriseDb;
  tenants?: string[];
  shard?: string;
  /** Per shard; default sized from the server's free connections (defaultConcurrency). */
  concurrency?: number;
  /** Defaults to the committed client migrations. Any other list skips the template (it must only ever hold committed ones). */
  migrations?: Migration[];
  /** Migrate each involved shard's client template first (default: when no --tenant filter and not a dry run). */
  includeTemplate?: boolean;
  env?: Record<string, string | undefined>;
  onTemplate?: (r: TemplateResult) => void;
  /** How many tenants the run covers, before the first result. */
  onTargets?: (count: number) => void;
  /** Write results to the Client rows (default true; false for a dry run). */
  record?: boolean;
}

export interface TemplateResult {
  shard: string;
  status: "migrated" | "current" | "failed";
  applied: string[];
  version: string | null;
  error?: string;
  ms: number;
}

export interface MigrateClientsSummary extends FleetSummary {
  templates: TemplateResult[];
  unknown: string[];
}

async function serverConcurrency(adminUrl: string): Promise<number> {
  const c = new pg.Client({ connectionString: withDatabase(adminUrl, "postgres"), application_name: "bisman-fleet-migrate" });
  c.on("error", () => undefined);
  await c.connect();
  try {
    return defaultConcurrency(await freeConnections(c));
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** `npm run migrate:clients`, as a function. */
export async function migrateClients(opts: MigrateClientsOptions): Promise<MigrateClientsSummary> {
  const t0 = performance.now();
  const committed = opts.migrations === undefined;
  const migrations = opts.migrations ?? loadMigrations("client");
  const { targets, shards, unreachable, unknown } = await loadClientTargets(opts.db, { tenants: opts.tenants, shard: opts.shard, env: opts.env });
  const record = opts.record ?? !opts.dryRun;

  // The template first, per shard: a migration that fails on a pristine template
  // would fail on every tenant; the fleet does not start.
  const templates: TemplateResult[] = [];
  const includeTemplate = committed && !opts.dryRun && (opts.includeTemplate ?? !opts.tenants?.length);
  if (includeTemplate) {
    for (const s of shards) {
      if (!s.adminUrl) continue;
      const t1 = performance.now();
      let r: TemplateResult;
      try {
        const res = await ensureClientTemplate(s.adminUrl);
        r = {
          shard: s.name,
          status: res.applied.length ? "migrated" : "current",
          applied: res.applied,
          version: res.version,
          ms: Math.round(performance.now() - t1),
        };
      } catch (err) {
        r = { shard: s.name, status: "failed", applied: [], version: null, error: safeMessage(err), ms: Math.round(performance.now() - t1) };
      }
      templates.push(r);
      opts.onTemplate?.(r);
    }
  }

  opts.onTargets?.(targets.length + unreachable.length);
  const recorder = record ? new ResultRecorder(opts.db, opts.onRecordError) : undefined;
  for (const r of unreachable) {
    recorder?.add(r);
    await opts.onResult?.(r);
  }

  let concurrency = opts.concurrency;
  if (concurrency === undefined) {
    const sized = await Promise.all(shards.filter((s) => s.adminUrl).map((s) => serverConcurrency(s.adminUrl!).catch(() => defaultConcurrency())));
    concurrency = sized.length ? Math.min(...sized) : defaultConcurrency();
  }

  const templateFailed = templates.some((t) => t.status === "failed");
  const summary = await migrateFleet(templateFailed ? [] : targets, {
    ...opts,
    migrations,
    concurrency,
    onResult: async (r) => {
      recorder?.add(r);
      await opts.onResult?.(r);
    },
  }).finally(() => recorder?.close());
  if (templateFailed) {
    for (const t of targets) {
      summary.results.push({
        id: t.id,
        label: t.label,
        shardId: t.shardId,
        status: "not-started",
        applied: [],
        pending: [],
        version: null,
        ms: 0,
        wave: "main",
      });
      summary.counts["not-started"]++;
    }
    summary.stopped = "canary-failed";
  }
  for (const r of unreachable) {
    summary.results.push(r);
    summary.counts.failed++;
  }
  return { ...summary, latest: latestVersion(migrations), templates, unknown, ms: Math.round(performance.now() - t0) };
}
