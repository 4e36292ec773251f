import { LRUCache } from "lru-cache";
import { isUuid } from "../edge/tenant";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import type { ClientStatus } from "../generated/enterprise/enums.ts";
import { log } from "../observability/log";
import { tenancySettings } from "./settings";
import type { TenantRecord } from "./types";

// Tenant metadata from the enterprise database, cached with a TTL (default
// 5 min) and dropped at once by invalidateTenant() on any change. With
// REDIS_URL set, invalidations are also published so every app instance drops
// its copy. The cached entry also holds the tenant's *encrypted* runtime URI,
// which only the connection factory reads (getTenantCiphertext); records handed
// to callers carry no secret.

interface Entry {
  record: TenantRecord;
  encryptedUri: string | null;
}

interface RedisPair {
  publish(channel: string, message: string): Promise<unknown>;
  close(): void;
}

interface RegistryState {
  cache: LRUCache<string, Entry>;
  epoch: number;
  listeners: Set<(id: string) => void>;
  /** Called with a tenant id when its users' access (roles, permissions, activity) changed. */
  accessListeners: Set<(id: string) => void>;
  /** Publisher for invalidations; null without REDIS_URL; undefined until first use. */
  redis?: Promise<RedisPair | null> | null;
}

const g = globalThis as unknown as { bismanTenantRegistry?: RegistryState };
/** Created on first use, not at import: importing this module must not read the environment. */
function registry(): RegistryState {
  return (g.bismanTenantRegistry ??= {
    cache: new LRUCache<string, Entry>({ max: 20_000, ttl: Math.max(1, tenancySettings().TENANT_CACHE_TTL_MS) }),
    epoch: 0,
    listeners: new Set(),
    accessListeners: new Set(),
  });
}

const CHANNEL = "bisman:tenant-invalidated";
/** On the same channel: "access:<tenant id>" drops only the cached access of that tenant's users. */
const ACCESS_PREFIX = "access:";

const select = {
  id: true,
  slug: true,
  name: true,
  status: true,
  dbName: true,
  shardId: true,
  schemaVersion: true,
  encryptedUri: true,
  modules: { select: { module: { select: { key: true } } } },
} as const;

type Row = Omit<TenantRecord, "modules"> & { encryptedUri: string | null; modules: { module: { key: string } }[] };

function toEntry(row: Row): Entry {
  return {
    record: {
      id: row.id,
      slug: row.slug,
      name: row.name,
      status: row.status,
      dbName: row.dbName,
      shardId: row.shardId,
      schemaVersion: row.schemaVersion,
      modules: row.modules.map((m) => m.module.key).sort(),
    },
    encryptedUri: row.encryptedUri,
  };
}

const slugKey = (slug: string) => `slug:${slug}`;

async function load(idOrSlug: string, db: EnterpriseDb): Promise<Entry | null> {
  ensureSubscribed();
  const ref = idOrSlug.toLowerCase();
  const key = isUuid(ref) ? ref : slugKey(ref);
  const state = registry();
  const hit = state.cache.get(key);
  if (hit) return hit;
  const where = isUuid(ref) ? { id: ref } : { slug: ref };
  // An invalidation that lands while we read must win over what we read.
  const epoch = state.epoch;
  const row = (await db.client.findUnique({ where, select })) as Row | null;
  if (!row) return null;
  const entry = toEntry(row);
  if (state.epoch === epoch) {
    state.cache.set(row.id, entry);
    state.cache.set(slugKey(row.slug), entry);
  }
  return entry;
}

/** Tenant metadata by id (uuid) or slug; null when there is no such client. Cached. */
export async function getTenant(idOrSlug: string, db: EnterpriseDb = enterpriseDb()): Promise<TenantRecord | null> {
  if (!idOrSlug) return null;
  return (await load(idOrSlug, db))?.record ?? null;
}

/**
 * The tenant's encrypted runtime URI, for the connection factory only.
 * @internal
 */
export async function getTenantCiphertext(id: string, db: EnterpriseDb = enterpriseDb()): Promise<string | null> {
  return (await load(id, db))?.encryptedUri ?? null;
}

function dropLocal(id: string): void {
  const state = registry();
  state.epoch++;
  const entry = state.cache.peek(id);
  state.cache.delete(id);
  if (entry) state.cache.delete(slugKey(entry.record.slug));
  for (const [k, v] of state.cache.entries()) if (v.record.id === id) state.cache.delete(k);
  // A tenant change (suspension, modules) changes what its users may do too.
  notify([...state.listeners, ...state.accessListeners], id);
}

function dropAccessLocal(id: string): void {
  notify(registry().accessListeners, id);
}

function notify(listeners: Iterable<(id: string) => void>, id: string): void {
  for (const fn of listeners) {
    try {
      fn(id);
    } catch (err) {
      log.warn("tenant invalidation listener failed", { code: (err as { code?: string }).code });
    }
  }
}

async function publish(message: string): Promise<void> {
  ensureSubscribed();
  const redis = registry().redis;
  if (redis) {
    try {
      await (await redis)?.publish(CHANNEL, message);
    } catch (err) {
      log.warn("tenant invalidation could not be published; other instances keep their copy until the TTL", { code: (err as { code?: string }).code });
    }
  }
}

/** Drops the cached metadata of a tenant now (here and, with REDIS_URL, on every instance). */
export async function invalidateTenant(id: string): Promise<void> {
  dropLocal(id);
  await publish(id);
}

/**
 * Drops the cached access (roles, permissions, active, sessionsNotBefore) of every user of a tenant, here and,
 * with REDIS_URL, on every instance. Call it after any change to a tenant's users, roles or role permissions commits.
 */
export async function invalidateTenantAccess(id: string): Promise<void> {
  dropAccessLocal(id);
  await publish(`${ACCESS_PREFIX}${id}`);
}

/** Called with a tenant id whenever the access of its users may have changed (and on every tenant invalidation). */
export function onTenantAccessInvalidated(fn: (id: string) => void): () => void {
  registry().accessListeners.add(fn);
  return () => registry().accessListeners.delete(fn);
}

/** Called with a tenant id whenever its metadata is invalidated (the connection factory closes its pool). */
export function onTenantInvalidated(fn: (id: string) => void): () => void {
  registry().listeners.add(fn);
  return () => registry().listeners.delete(fn);
}

/** Clears the whole cache (tests, admin tooling). */
export function clearTenantCache(): void {
  registry().cache.clear();
}

function ensureSubscribed(): void {
  if (registry().redis !== undefined) return;
  const url = process.env.REDIS_URL;
  if (!url) {
    registry().redis = null;
    return;
  }
  // Two connections: a subscribed ioredis client cannot publish. Loaded lazily so
  // deployments without Redis never load ioredis.
  registry().redis = import("ioredis")
    .then(({ Redis }) => {
      const pub = new Redis(url, { maxRetriesPerRequest: 2 });
      const sub = new Redis(url);
      pub.on("error", () => undefined);
      sub.on("error", (err: Error & { code?: string }) => log.warn("tenant invalidation subscriber error", { code: err.code }));
      sub.on("message", (_channel: string, message: string) =>
        message.startsWith(ACCESS_PREFIX) ? dropAccessLocal(message.slice(ACCESS_PREFIX.length)) : dropLocal(message),
      );
      // Anything cached before the subscription took effect could miss an invalidation: drop it.
      void sub.subscribe(CHANNEL).then(() => {
        registry().cache.clear();
        notify(registry().accessListeners, "*");
      });
      return {
        publish: (channel: string, message: string) => pub.publish(channel, message),
        close: () => {
          pub.disconnect();
          sub.disconnect();
        },
      };
    })
    .catch((err: { code?: string }) => {
      log.warn("REDIS_URL is set but the invalidation channel failed; caches expire by TTL only", { code: err.code });
      return null;
    });
}

/** Stops listening for invalidations (tests, scripts). */
export async function closeRegistry(): Promise<void> {
  const redis = registry().redis;
  registry().redis = undefined;
  (await redis)?.close();
}

/** Tenant records matching a filter, straight from the enterprise DB (for fleet jobs: not cached). */
export async function listTenantRecords(
  filter: { status?: ClientStatus[]; shardId?: string } = {},
  db: EnterpriseDb = enterpriseDb(),
): Promise<TenantRecord[]> {
  const rows = (await db.client.findMany({
    where: { ...(filter.status ? { status: { in: filter.status } } : {}), ...(filter.shardId ? { shardId: filter.shardId } : {}) },
    select,
    orderBy: { createdAt: "asc" },
  })) as Row[];
  return rows.map((r) => toEntry(r).record);
}
