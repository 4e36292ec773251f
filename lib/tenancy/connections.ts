import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { decrypt } from "../crypto";
import { AppError } from "../errors";
import { ENTERPRISE_POOL_SIZE } from "../db/enterprise";
import { isBusyDatabase } from "../db/errors";
import { PrismaClient } from "../generated/client/client.ts";
import { log } from "../observability/log";
import { getTenantCiphertext, onTenantInvalidated } from "./registry";
import { assertTenantSchemaCurrent } from "./schema-gate";
import { tenancySettings } from "./settings";
import { getShard, shardAdminUrl } from "./shards";
import type { ClientDb, TenantContext, TenantRecord } from "./types";

// The connection factory: the only way to a tenant database.
//
// - One Prisma client (over its own pg.Pool) per tenant URI, in an LRU keyed by a sha256 of the URI; the
//   decrypted URI lives only inside the pool's config and is never logged.
// - A client is LEASED for the duration of one call; when it is evicted (or its tenant invalidated) it is
//   closed only after its last lease returns: a pool in use is never closed.
// - Connections, not pools, are budgeted. Each shard (PostgreSQL server) has a budget per app instance: the
//   `budget` option (TENANT_CONNECTION_BUDGET), else Shard.connectionBudget, else derived from the server
//   (max_connections − superuser_reserved_connections − reserved_connections − the enterprise pool − a few
//   for provisioning and migrations, divided by APP_INSTANCES). A tenant's pool starts with one connection
//   and grows (up to `poolSize`) only while more of its callers are inside than it has connections and the
//   shard has budget to spare with nobody waiting. Connections idle past `idleTimeoutMs` close and give
//   their budget back.
// - When the budget is spent, a caller for a tenant without a pool waits in the shard's FIFO queue; pools
//   that fall idle while others wait are closed and their connections handed to the head of the queue, and
//   a pool that has grown gives its extra connections back as its callers leave. So when more tenants are
//   active than there are connections, tenants take turns fairly instead of opening and closing pools in a
//   loop, and only a caller that waited past `waitMs` gets 503 with Retry-After.

export interface ConnectionFactoryOptions {
  /** Most cached tenant clients (LRU); the budget bounds the connections they hold. */
  maxClients?: number;
  /** Most connections one tenant's pool grows to. */
  poolSize?: number;
  /** Per-shard connection budget; default: the shard's connectionBudget, else derived from the server. */
  budget?: number;
  /** How long a caller waits for a connection before 503. */
  waitMs?: number;
  /** Idle connections close after this long. */
  idleTimeoutMs?: number;
  /** App instances sharing each server (divides a derived budget). */
  instances?: number;
}

interface Slot {
  key: string;
  tenantId: string;
  shardId: string;
  /** Connections reserved from the shard's budget: the pool's max. */
  conns: number;
  pool: pg.Pool;
  client: ClientDb;
  leases: number;
  /** Out of the LRU: close when the last lease returns. */
  retired: boolean;
  closing?: Promise<void>;
}

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

interface ShardBudget {
  used: number;
  /** Most connections held at once (stats). */
  peak: number;
  queue: Waiter[];
  budget?: Promise<number>;
}

export interface FactoryStats {
  open: number;
  retiredOpen: number;
  leases: number;
  reservedByShard: Record<string, number>;
  peakByShard: Record<string, number>;
  waitingByShard: Record<string, number>;
  opened: number;
  closed: number;
  grown: number;
  shrunk: number;
  timedOut: number;
}

/** Connections kept free on every server for provisioning, migrations and operators. */
const ADMIN_HEADROOM = 5;

export class ConnectionFactory {
  private readonly opts: Required<Omit<ConnectionFactoryOptions, "budget">> & { budget?: number };
  private readonly lru: LRUCache<string, Slot>;
  private readonly retired = new Set<Slot>();
  private readonly shards = new Map<string, ShardBudget>();
  private readonly opening = new Map<string, Promise<Slot>>();
  private counters = { opened: 0, closed: 0, grown: 0, shrunk: 0, timedOut: 0 };
  private unsubscribe: () => void;

  constructor(options: ConnectionFactoryOptions = {}) {
    this.opts = {
      maxClients: options.maxClients ?? 1000,
      poolSize: options.poolSize ?? 4,
      budget: options.budget,
      waitMs: options.waitMs ?? 10_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
      instances: options.instances ?? 1,
    };
    this.lru = new LRUCache<string, Slot>({
      max: this.opts.maxClients,
      dispose: (slot) => this.retire(slot),
    });
    this.unsubscribe = onTenantInvalidated((id) => this.evictTenant(id));
  }

  /** Leases the tenant's client for the duration of fn. */
  async withDb<T>(tenant: TenantRecord, fn: (db: ClientDb) => Promise<T>): Promise<T> {
    assertUsable(tenant);
    // 503 + Retry-After while the tenant's schema is older than this code needs (fleet migrations, lib/tenancy/schema-gate.ts).
    await assertTenantSchemaCurrent(tenant);
    const ciphertext = await getTenantCiphertext(tenant.id);
    if (!ciphertext) throw new AppError("unavailable", "This client is not ready.");
    const uri = decrypt(ciphertext, tenant.id);
    const key = createHash("sha256").update(uri).digest("hex");
    const slot = await this.lease(key, tenant, uri);
    try {
      return await fn(slot.client);
    } catch (err) {
      // Waited past the limit inside the tenant's own pool (or for a transaction): busy, not broken.
      if (isBusyDatabase(err)) throw new AppError("unavailable", "The database is busy; try again shortly.", { headers: { "retry-after": "1" } });
      throw err;
    } finally {
      this.release(slot);
    }
  }

  private async lease(key: string, tenant: TenantRecord, uri: string): Promise<Slot> {
    for (;;) {
      const cached = this.lru.get(key);
      if (cached && !cached.retired) {
        cached.leases++;
        this.maybeGrow(cached);
        return cached;
      }
      let pending = this.opening.get(key);
      if (!pending) {
        pending = this.open(key, tenant, uri).finally(() => this.opening.delete(key));
        this.opening.set(key, pending);
      }
      const slot = await pending;
      // Another open may have pushed it out meanwhile: lease only a live slot.
      if (!slot.retired) {
        slot.leases++;
        this.maybeGrow(slot);
        return slot;
      }
    }
  }

  private async open(key: string, tenant: TenantRecord, uri: string): Promise<Slot> {
    await this.acquire(tenant.shardId);
    try {
      const pool = new pg.Pool({
        connectionString: uri,
        max: 1,
        idleTimeoutMillis: this.opts.idleTimeoutMs,
        connectionTimeoutMillis: 10_000,
        application_name: "bisman-tenant",
      });
      const client = new PrismaClient({ adapter: new PrismaPg(pool) }) as ClientDb;
      const slot: Slot = { key, tenantId: tenant.id, shardId: tenant.shardId, conns: 1, pool, client, leases: 0, retired: false };
      // Errors of idle connections (server restart, terminate) must not crash the process; the pool replaces them.
      pool.on("error", (err) => log.warn("tenant pool connection error", { tenantId: tenant.id, code: (err as { code?: string }).code }));
      pool.on("remove", () => this.shrinkToOpen(slot));
      this.counters.opened++;
      // Leased by the caller right after this resolves; set() may evict (retire) another slot.
      this.lru.set(key, slot);
      return slot;
    } catch (err) {
      this.unreserve(tenant.shardId, 1);
      throw err;
    }
  }

  /** More callers inside than connections: one more, if the shard has budget to spare and nobody waits. */
  private maybeGrow(slot: Slot): void {
    if (slot.leases <= slot.conns || slot.conns >= this.opts.poolSize) return;
    const state = this.budgetState(slot.shardId);
    const budget = state.budget && settled.get(state.budget);
    if (budget === undefined || state.queue.length > 0 || state.used >= budget) return;
    state.peak = Math.max(state.peak, ++state.used);
    slot.conns++;
    slot.pool.options.max = slot.conns;
    this.counters.grown++;
  }

  /** pg closed a connection (idle timeout, error, or ours): give back budget the pool no longer uses. */
  private shrinkToOpen(slot: Slot): void {
    if (slot.retired) return;
    const keep = Math.max(1, slot.pool.totalCount, Math.min(slot.leases, slot.conns));
    if (slot.conns <= keep) return;
    const freed = slot.conns - keep;
    slot.conns = keep;
    slot.pool.options.max = keep;
    this.counters.shrunk += freed;
    this.unreserve(slot.shardId, freed);
  }

  private release(slot: Slot): void {
    slot.leases--;
    if (slot.retired) {
      if (slot.leases === 0) void this.close(slot);
      return;
    }
    const state = this.shards.get(slot.shardId);
    if (!state || state.queue.length === 0) return;
    // Others wait for a connection: an idle pool closes and hands its connections over; a grown pool
    // gives back the connections its remaining callers do not need.
    if (slot.leases === 0) {
      this.lru.delete(slot.key); // retires it, and closes it: no lease is out
    } else if (slot.conns > slot.leases && slot.pool.idleCount > 0) {
      slot.pool.options.max = Math.max(1, slot.leases);
      void slot.pool.connect().then(
        (c) => c.release(true), // destroyed: 'remove' gives its budget back (shrinkToOpen)
        () => undefined,
      );
    }
  }

  private retire(slot: Slot): void {
    if (slot.retired) return;
    slot.retired = true;
    this.retired.add(slot);
    if (slot.leases === 0) void this.close(slot);
  }

  private close(slot: Slot): Promise<void> {
    slot.closing ??= (async () => {
      try {
        await slot.client.$disconnect();
      } catch (err) {
        log.warn("tenant client disconnect failed", { tenantId: slot.tenantId, code: (err as { code?: string }).code });
      }
      try {
        if (!slot.pool.ended) await slot.pool.end();
      } catch (err) {
        log.warn("tenant pool end failed", { tenantId: slot.tenantId, code: (err as { code?: string }).code });
      }
      this.retired.delete(slot);
      this.counters.closed++;
      this.unreserve(slot.shardId, slot.conns);
    })();
    return slot.closing;
  }

  private budgetState(shardId: string): ShardBudget {
    let s = this.shards.get(shardId);
    if (!s) this.shards.set(shardId, (s = { used: 0, peak: 0, queue: [] }));
    return s;
  }

  private budgetOf(shardId: string): Promise<number> {
    const state = this.budgetState(shardId);
    if (!state.budget) {
      const p = this.resolveBudget(shardId);
      state.budget = p;
      p.then(
        (n) => settled.set(p, n),
        () => {
          if (state.budget === p) state.budget = undefined; // try again on the next call
        },
      );
    }
    return state.budget;
  }

  private async resolveBudget(shardId: string): Promise<number> {
    if (this.opts.budget !== undefined) return this.opts.budget;
    const shard = await getShard(shardId);
    if (shard.connectionBudget !== null) return shard.connectionBudget;
    return serverBudget(shardAdminUrl(shard), shard.isDefault, this.opts.instances);
  }

  /** One connection of the shard's budget: now if free (closing an idle pool if need be), else in FIFO turn. */
  private async acquire(shardId: string): Promise<void> {
    const budget = await this.budgetOf(shardId);
    const state = this.budgetState(shardId);
    for (;;) {
      if (state.queue.length === 0 && state.used < budget) {
        state.peak = Math.max(state.peak, ++state.used);
        return;
      }
      const idle = state.queue.length === 0 ? this.idleSlotOn(shardId) : undefined;
      if (!idle) break;
      this.lru.delete(idle.key); // retires it; leases are 0 so it closes now
      await this.close(idle);
    }
    // Wait in turn; unreserve() hands a freed connection to the head of the queue (already counted as used).
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          const i = state.queue.indexOf(waiter);
          if (i >= 0) state.queue.splice(i, 1);
          this.counters.timedOut++;
          reject(new AppError("unavailable", "The database is busy; try again shortly.", { headers: { "retry-after": "1" } }));
        }, this.opts.waitMs),
      };
      state.queue.push(waiter);
      // An idle pool may exist now that we are queued (e.g. the queue was not empty above): make room.
      this.reclaimIdle(shardId);
    });
  }

  private reclaimIdle(shardId: string): void {
    const idle = this.idleSlotOn(shardId);
    if (idle) this.lru.delete(idle.key);
  }

  private idleSlotOn(shardId: string): Slot | undefined {
    for (const slot of this.lru.rvalues()) {
      if (slot && slot.shardId === shardId && slot.leases === 0 && !slot.retired) return slot;
    }
    return undefined;
  }

  private unreserve(shardId: string, n: number): void {
    const state = this.budgetState(shardId);
    state.used -= n;
    const budget = state.budget && settled.get(state.budget);
    while (state.queue.length > 0 && (budget === undefined || state.used < budget)) {
      state.peak = Math.max(state.peak, ++state.used);
      state.queue.shift()!.grant();
    }
    if (state.queue.length > 0) this.reclaimIdle(shardId);
  }

  /** Closes a tenant's client (after its leases return): on suspend, archive, credential change. */
  evictTenant(tenantId: string): void {
    for (const [key, slot] of this.lru.entries()) if (slot.tenantId === tenantId) this.lru.delete(key);
  }

  stats(): FactoryStats {
    let leases = 0;
    for (const s of this.lru.values()) leases += s.leases;
    for (const s of this.retired) leases += s.leases;
    return {
      open: this.lru.size,
      retiredOpen: this.retired.size,
      leases,
      reservedByShard: Object.fromEntries([...this.shards].map(([k, v]) => [k, v.used])),
      peakByShard: Object.fromEntries([...this.shards].map(([k, v]) => [k, v.peak])),
      waitingByShard: Object.fromEntries([...this.shards].map(([k, v]) => [k, v.queue.length])),
      ...this.counters,
    };
  }

  /** The budget this instance uses on a shard (resolved on first use). */
  budgetFor(shardId: string): Promise<number> {
    return this.budgetOf(shardId);
  }

  /** Closes every client (waits for leases to return). */
  async closeAll(): Promise<void> {
    this.lru.clear();
    const closing = [...this.retired].map(
      (slot) =>
        new Promise<void>((resolve) => {
          const check = () => (slot.leases === 0 ? this.close(slot).then(resolve) : setTimeout(check, 10));
          check();
        }),
    );
    await Promise.all(closing);
    this.unsubscribe();
  }
}

/** Values of budget promises that have resolved (so hot paths can read them without awaiting). */
const settled = new WeakMap<Promise<number>, number>();

/**
 * What one app instance may open to a server for tenant pools: max_connections minus the slots PostgreSQL
 * keeps for superusers (and for roles with pg_use_reserved_connections, PostgreSQL 16+), minus the enterprise
 * pool (on the enterprise database's server) and a few for provisioning and migrations, divided among instances.
 */
export async function serverBudget(adminUrl: string, hostsEnterprise: boolean, instances: number): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl, application_name: "bisman-budget" });
  await c.connect();
  try {
    const r = await c.query<{ max: number; su: number; reserved: number }>(
      `SELECT current_setting('max_connections')::int AS max,
              current_setting('superuser_reserved_connections')::int AS su,
              coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int AS reserved`,
    );
    const { max, su, reserved } = r.rows[0]!;
    const enterprise = hostsEnterprise ? ENTERPRISE_POOL_SIZE * instances : 0;
    return Math.max(2, Math.floor((max - su - reserved - enterprise - ADMIN_HEADROOM) / Math.max(1, instances)));
  } finally {
    await c.end();
  }
}

function assertUsable(tenant: TenantRecord): void {
  if (tenant.status === "ACTIVE") return;
  if (tenant.status === "SUSPENDED") throw new AppError("locked", "This client is suspended.");
  if (tenant.status === "PROVISIONING") throw new AppError("unavailable", "This client is still being set up.", { headers: { "retry-after": "1" } });
  throw new AppError("not_found", "No such client.");
}

const g = globalThis as unknown as { bismanConnectionFactory?: ConnectionFactory };

function poolDefaults(): ConnectionFactoryOptions {
  const s = tenancySettings();
  return { maxClients: s.TENANT_CLIENT_CACHE_MAX, poolSize: s.TENANT_POOL_SIZE, budget: s.TENANT_CONNECTION_BUDGET, instances: s.APP_INSTANCES };
}

/** The process-wide factory (survives dev hot reloads). */
export function connectionFactory(): ConnectionFactory {
  g.bismanConnectionFactory ??= new ConnectionFactory(poolDefaults());
  return g.bismanConnectionFactory;
}

/** Runs fn with a leased client of the tenant's database. The tenant must be ACTIVE. */
export function withTenantDb<T>(tenant: TenantRecord, fn: (db: ClientDb) => Promise<T>): Promise<T> {
  return connectionFactory().withDb(tenant, fn);
}

/** Runs fn with a TenantContext: the tenant, who is acting, and a leased database client. */
export function withTenantContext<T>(
  tenant: TenantRecord,
  principal: TenantContext["principal"],
  fn: (ctx: TenantContext) => Promise<T>,
  meta: { ip?: string | null } = {},
): Promise<T> {
  return withTenantDb(tenant, (db) => fn({ tenant, principal, db, ip: meta.ip ?? null }));
}
