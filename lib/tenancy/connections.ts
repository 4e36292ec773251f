import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { decrypt } from "../crypto";
import { AppError } from "../errors";
import { PrismaClient } from "../generated/client/client.ts";
import { log } from "../observability/log";
import { getTenantCiphertext, onTenantInvalidated } from "./registry";
import { assertTenantSchemaCurrent } from "./schema-gate";
import { tenancySettings } from "./settings";
import { getShard } from "./shards";
import type { ClientDb, TenantContext, TenantRecord } from "./types";

// The connection factory: the only way to a tenant database.
//
// - One Prisma client (over its own small pg.Pool) per tenant URI, in an LRU
//   (default max 50) keyed by a sha256 of the URI; the decrypted URI lives only
//   inside the pool's config and is never logged.
// - A client is LEASED for the duration of one call; when the LRU evicts it
//   (or its tenant is invalidated), it is closed only after its last lease returns.
// - Per-shard connection budget: the sum of the pool sizes of all open clients
//   on a server never exceeds the shard's budget (Shard.connectionBudget, or the
//   `budget` option). When the budget is full, idle pools on that shard are
//   closed first (least recently used first); if none is idle the caller waits
//   (up to `waitMs`) for one to be returned, and only then fails with 503.

export interface ConnectionFactoryOptions {
  /** Most open tenant clients (LRU size). */
  maxClients?: number;
  /** Connections per tenant pool. */
  poolSize?: number;
  /** Per-shard connection budget; default: the shard's connectionBudget. */
  budget?: number;
  /** How long a caller waits for budget before 503. */
  waitMs?: number;
  /** Idle connections inside a pool close after this long. */
  idleTimeoutMs?: number;
}

interface Slot {
  key: string;
  tenantId: string;
  shardId: string;
  size: number;
  pool: pg.Pool;
  client: ClientDb;
  leases: number;
  /** Out of the LRU: close when the last lease returns. */
  retired: boolean;
  closing?: Promise<void>;
}

interface ShardBudget {
  reserved: number;
  waiters: Set<() => void>;
}

export interface FactoryStats {
  open: number;
  retiredOpen: number;
  leases: number;
  reservedByShard: Record<string, number>;
  opened: number;
  closed: number;
}

export class ConnectionFactory {
  private readonly opts: Required<Omit<ConnectionFactoryOptions, "budget">> & { budget?: number };
  private readonly lru: LRUCache<string, Slot>;
  private readonly retired = new Set<Slot>();
  private readonly shards = new Map<string, ShardBudget>();
  private readonly opening = new Map<string, Promise<Slot>>();
  private counters = { opened: 0, closed: 0 };
  private unsubscribe: () => void;

  constructor(options: ConnectionFactoryOptions = {}) {
    this.opts = {
      maxClients: options.maxClients ?? 50,
      poolSize: options.poolSize ?? 2,
      budget: options.budget,
      waitMs: options.waitMs ?? 10_000,
      idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
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
    } finally {
      this.release(slot);
    }
  }

  private async lease(key: string, tenant: TenantRecord, uri: string): Promise<Slot> {
    for (;;) {
      const cached = this.lru.get(key);
      if (cached && !cached.retired) {
        cached.leases++;
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
        return slot;
      }
    }
  }

  private async open(key: string, tenant: TenantRecord, uri: string): Promise<Slot> {
    const size = this.opts.poolSize;
    await this.reserve(tenant.shardId, size);
    try {
      const pool = new pg.Pool({
        connectionString: uri,
        max: size,
        idleTimeoutMillis: this.opts.idleTimeoutMs,
        connectionTimeoutMillis: 10_000,
        application_name: "bisman-tenant",
      });
      // Errors of idle connections (server restart, terminate) must not crash the process; the pool replaces them.
      pool.on("error", (err) => log.warn("tenant pool connection error", { tenantId: tenant.id, code: (err as { code?: string }).code }));
      const client = new PrismaClient({ adapter: new PrismaPg(pool) }) as ClientDb;
      const slot: Slot = { key, tenantId: tenant.id, shardId: tenant.shardId, size, pool, client, leases: 0, retired: false };
      this.counters.opened++;
      // Leased by the caller right after this resolves; set() may evict (retire) another slot.
      this.lru.set(key, slot);
      return slot;
    } catch (err) {
      this.unreserve(tenant.shardId, size);
      throw err;
    }
  }

  private release(slot: Slot): void {
    slot.leases--;
    if (slot.leases === 0) {
      if (slot.retired) void this.close(slot);
      else this.notify(slot.shardId);
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
      this.unreserve(slot.shardId, slot.size);
    })();
    return slot.closing;
  }

  private budgetState(shardId: string): ShardBudget {
    let s = this.shards.get(shardId);
    if (!s) this.shards.set(shardId, (s = { reserved: 0, waiters: new Set() }));
    return s;
  }

  private async budgetOf(shardId: string): Promise<number> {
    return this.opts.budget ?? (await getShard(shardId)).connectionBudget;
  }

  private async reserve(shardId: string, size: number): Promise<void> {
    const budget = await this.budgetOf(shardId);
    if (size > budget) throw new Error(`pool size ${size} exceeds the connection budget ${budget} of shard ${shardId}`);
    const state = this.budgetState(shardId);
    const deadline = Date.now() + this.opts.waitMs;
    for (;;) {
      if (state.reserved + size <= budget) {
        state.reserved += size;
        return;
      }
      const idle = this.idleSlotOn(shardId);
      if (idle) {
        this.lru.delete(idle.key); // retires it; leases are 0 so it closes now
        await this.close(idle);
        continue;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new AppError("unavailable", "The database is busy; try again shortly.", { headers: { "retry-after": "1" } });
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          state.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        state.waiters.add(wake);
      });
    }
  }

  private idleSlotOn(shardId: string): Slot | undefined {
    for (const slot of this.lru.rvalues()) {
      if (slot && slot.shardId === shardId && slot.leases === 0 && !slot.retired) return slot;
    }
    return undefined;
  }

  private unreserve(shardId: string, size: number): void {
    const state = this.budgetState(shardId);
    state.reserved -= size;
    this.notify(shardId);
  }

  private notify(shardId: string): void {
    const state = this.shards.get(shardId);
    if (!state) return;
    for (const wake of [...state.waiters]) wake();
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
      reservedByShard: Object.fromEntries([...this.shards].map(([k, v]) => [k, v.reserved])),
      ...this.counters,
    };
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

function assertUsable(tenant: TenantRecord): void {
  if (tenant.status === "ACTIVE") return;
  if (tenant.status === "SUSPENDED") throw new AppError("locked", "This client is suspended.");
  if (tenant.status === "PROVISIONING") throw new AppError("unavailable", "This client is still being set up.", { headers: { "retry-after": "1" } });
  throw new AppError("not_found", "No such client.");
}

const g = globalThis as unknown as { bismanConnectionFactory?: ConnectionFactory };

function poolDefaults(): ConnectionFactoryOptions {
  const s = tenancySettings();
  return { maxClients: s.TENANT_CLIENT_CACHE_MAX, poolSize: s.TENANT_POOL_SIZE, budget: s.TENANT_CONNECTION_BUDGET };
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
