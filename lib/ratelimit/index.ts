import { Ratelimit } from "@upstash/ratelimit";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { config } from "../config";
import { AppError } from "../errors";
import { log } from "../observability/log";
import { UpstashRedisAdapter } from "./upstash-redis";

// Rate limits (and signed-out session marks) behind one interface, two stores:
// - MemoryStore (default, one process): a fixed window per key that starts at
//   the key's first event; counters in a bounded LRU (O(1) eviction), signed-out
//   sessions in a map of their own that counters can never evict.
// - UpstashRedisStore (REDIS_URL set, shared by every app instance):
//   @upstash/ratelimit's sliding window over ioredis (./upstash-redis.ts strips
//   the `#!lua flags=` line Redis 7.0 refuses). A sliding window weighs the
//   previous window's count by how much of it still overlaps the last
//   `windowMs`, so a client cannot spend a full allowance at the end of one
//   window and another at the start of the next (the aligned fixed window would
//   let 2× the limit through in a moment); it costs the same one script call.
//   Refused events are not counted.
// Redis errors fail closed: logged (name, message, code: no URL) and answered
// 503 with Retry-After, for sign-in, API requests and session revocation alike.

export interface LimitResult {
  ok: boolean;
  limit: number;
  /** Events still allowed now. */
  remaining: number;
  /** Milliseconds until the refusal may end (the current window's end). */
  resetMs: number;
}

export interface RateLimiter {
  readonly name: string;
  readonly limit: number;
  readonly windowMs: number;
  /**
   * Counts one event unless `limit` events are already counted (then ok is false and nothing is counted). Atomic
   * in both stores: N parallel hits on one key let at most `limit` through, so a caller can reserve an attempt
   * with hit() before doing the work it limits, and hand it back with giveBack() if the attempt should not count.
   */
  hit(key: string): Promise<LimitResult>;
  /** Uncounts one event of the current window (a reservation that turned out not to count). */
  giveBack(key: string): Promise<void>;
  /** Reads without counting: ok is false when the limit is already reached. */
  check(key: string): Promise<LimitResult>;
  reset(key: string): Promise<void>;
}

export interface LimitStore {
  limiter(name: string, limit: number, windowMs: number): RateLimiter;
  /** Records `key` for `ttlMs` (a signed-out session's id until the token expires). */
  mark(key: string, ttlMs: number): Promise<void>;
  isMarked(key: string): Promise<boolean>;
}

export class MemoryStore implements LimitStore {
  /**
   * Counters, keyed partly by what clients send (emails, addresses): bounded, and when full the least recently
   * used counter goes in O(1) (lru-cache), never a sweep of the whole map per new key.
   */
  private readonly counters: LRUCache<string, { count: number; resetAt: number }>;
  /**
   * Signed-out sessions, apart from the counters so that no amount of client-chosen counter keys can evict one
   * (evicting it would bring a signed-out cookie back). Only a signed-in session can add an entry (by signing
   * out), each entry leaves when its token would have expired (at most 8 h), and nothing else evicts them.
   */
  private readonly marks = new LRUCache<string, true>({ ttl: 24 * 3_600_000, ttlAutopurge: true });

  constructor(maxKeys = 50_000) {
    this.counters = new LRUCache({ max: maxKeys });
  }

  limiter(name: string, limit: number, windowMs: number): RateLimiter {
    const result = (c: { count: number; resetMs: number }, ok: boolean): LimitResult => ({
      ok,
      limit,
      remaining: Math.max(0, limit - c.count),
      resetMs: c.resetMs,
    });
    return {
      name,
      limit,
      windowMs,
      // Synchronous read-compare-increment: no await between the check and the count, so parallel requests
      // cannot all pass one check (a refused event is not counted).
      hit: async (key) => {
        const now = this.incr(`${name}:${key}`, windowMs, 0);
        if (now.count >= limit) return result(now, false);
        const c = this.incr(`${name}:${key}`, windowMs, 1);
        return result(c, true);
      },
      check: async (key) => {
        const c = this.incr(`${name}:${key}`, windowMs, 0);
        return result(c, c.count < limit);
      },
      giveBack: async (key) => {
        const c = this.counters.get(`${name}:${key}`);
        if (c && c.resetAt > Date.now() && c.count > 0) c.count -= 1;
      },
      reset: async (key) => {
        this.counters.delete(`${name}:${key}`);
      },
    };
  }

  async mark(key: string, ttlMs: number): Promise<void> {
    this.marks.set(key, true, { ttl: Math.max(1, Math.ceil(ttlMs)) });
  }

  async isMarked(key: string): Promise<boolean> {
    return this.marks.get(key) === true;
  }

  /** Adds `by` (0 = just read) to the key's counter for a window of `windowMs`. */
  incr(key: string, windowMs: number, by: number): { count: number; resetMs: number } {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.resetAt <= now) {
      if (by === 0) return { count: 0, resetMs: windowMs };
      c = { count: 0, resetAt: now + windowMs };
      this.counters.set(key, c);
    }
    c.count += by;
    return { count: c.count, resetMs: c.resetAt - now };
  }
}

/** Fail closed, and say so: without the shared store, limits and session revocations cannot be checked. */
async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw err;
    log.error("rate-limit store unavailable", { err });
    throw new AppError("unavailable", "Try again shortly.", { headers: { "retry-after": "5" } });
  }
}

export class UpstashRedisStore implements LimitStore {
  private readonly adapter: UpstashRedisAdapter;
  private readonly limiters = new Map<string, RateLimiter>();

  /** Keys: `<prefix>:<limiter name>:<key>:<window number>` and `<prefix>:<mark>`. */
  constructor(
    private readonly redis: Redis | Promise<Redis>,
    private readonly prefix = "bisman:rl",
  ) {
    this.adapter = new UpstashRedisAdapter(redis);
  }

  limiter(name: string, limit: number, windowMs: number): RateLimiter {
    const id = `${name}/${limit}/${windowMs}`;
    let l = this.limiters.get(id);
    if (!l) {
      l = this.create(name, limit, windowMs);
      this.limiters.set(id, l);
    }
    return l;
  }

  private create(name: string, limit: number, windowMs: number): RateLimiter {
    const prefix = `${this.prefix}:${name}`;
    const rl = new Ratelimit({
      // The adapter gives the two methods 2.2.0 calls (evalsha, eval); the declared type asks for get/set, used only by dynamicLimits.
      redis: this.adapter as unknown as ConstructorParameters<typeof Ratelimit>[0]["redis"],
      limiter: Ratelimit.slidingWindow(limit, `${windowMs} ms`),
      prefix,
      // Its default (5 s) answers success: true when Redis is slow: fail OPEN. ioredis's commandTimeout bounds the wait instead.
      timeout: 0,
      // A per-instance map of blocked identifiers: it never shrinks by itself and would not see a reset made by another instance.
      ephemeralCache: false,
      analytics: false,
      enableTelemetry: false,
    });
    const result = (r: { remaining: number; reset: number }, ok: boolean): LimitResult => ({
      ok,
      limit,
      remaining: r.remaining,
      resetMs: Math.max(0, r.reset - Date.now()),
    });
    return {
      name,
      limit,
      windowMs,
      hit: (key) =>
        orUnavailable(async () => {
          const r = await rl.limit(key);
          return result(r, r.success);
        }),
      // The library's own refund: a negative rate is added without checking the limit (same script, atomic).
      giveBack: (key) =>
        orUnavailable(async () => {
          await rl.limit(key, { rate: -1 });
        }),
      check: (key) =>
        orUnavailable(async () => {
          const r = await rl.getRemaining(key);
          return result(r, r.remaining > 0);
        }),
      // Not rl.resetUsedTokens: that runs SCAN over the WHOLE keyspace inside a Lua script (blocking Redis) with the key as a
      // glob pattern. A sliding window lives in exactly two keys, the current and the previous window's (2.2.0's layout:
      // `<prefix>:<key>:<floor(now / window)>`; tests/integration/ratelimit.test.ts fails if that changes).
      reset: (key) =>
        orUnavailable(async () => {
          const w = Math.floor(Date.now() / windowMs);
          await (await this.redis).del(`${prefix}:${key}:${w}`, `${prefix}:${key}:${w - 1}`);
        }),
    };
  }

  // A mark is a flag with an expiry, not a rate: a plain key with a TTL is exact and needs no limiter.
  mark(key: string, ttlMs: number): Promise<void> {
    return orUnavailable(async () => {
      await (await this.redis).set(`${this.prefix}:${key}`, "1", "PX", Math.max(1, Math.ceil(ttlMs)));
    });
  }

  isMarked(key: string): Promise<boolean> {
    return orUnavailable(async () => (await (await this.redis).exists(`${this.prefix}:${key}`)) > 0);
  }
}

/**
 * An ioredis client for the limits: every command fails within 2 s (commandTimeout; sooner after two reconnect
 * attempts) whether Redis refuses connections or never answers, so an outage is a 503, not a hung request.
 */
export async function connectLimitRedis(url: string): Promise<Redis> {
  // Imported lazily so the in-memory default never loads a Redis client.
  const { Redis: IORedis } = await import("ioredis");
  const redis = new IORedis(url, { maxRetriesPerRequest: 2, commandTimeout: 2_000 });
  redis.on("error", (err) => log.warn("redis (rate limits) connection error", { err: err.message }));
  return redis;
}

const globalStore = globalThis as unknown as { bismanRateLimitStore?: LimitStore };

/** The process's store: Redis (through @upstash/ratelimit) when REDIS_URL is set, else memory. */
export function defaultStore(): LimitStore {
  if (!globalStore.bismanRateLimitStore) {
    const url = config().REDIS_URL;
    globalStore.bismanRateLimitStore = url ? new UpstashRedisStore(connectLimitRedis(url)) : new MemoryStore();
  }
  return globalStore.bismanRateLimitStore;
}

/** For tests: replace (or with no argument, forget) the process's store. */
export function setDefaultStore(store?: LimitStore): void {
  globalStore.bismanRateLimitStore = store;
}

/** A limiter that uses whatever the process's store is at call time. */
function named(name: string, limit: number, windowMs: number): RateLimiter {
  const l = () => defaultStore().limiter(name, limit, windowMs);
  return { name, limit, windowMs, hit: (k) => l().hit(k), giveBack: (k) => l().giveBack(k), check: (k) => l().check(k), reset: (k) => l().reset(k) };
}

export interface Reservation {
  /** Hands the reserved event back (the attempt turned out not to count, e.g. a successful sign-in). */
  giveBack(): Promise<void>;
}

/**
 * Reserves one event in each limiter, in order, before the work they limit: the first limiter that refuses
 * ends it (those already reserved are handed back) with 429 and Retry-After. A refused attempt is not counted.
 */
export async function reserveAttempt(
  limits: readonly (readonly [RateLimiter, string])[],
  detail = "Too many failed sign-ins; try again later.",
): Promise<Reservation[]> {
  const taken: Reservation[] = [];
  for (const [limiter, key] of limits) {
    const r = await limiter.hit(key);
    if (!r.ok) {
      await Promise.all(taken.map((t) => t.giveBack()));
      throw new AppError("rate_limited", detail, { headers: { "retry-after": String(Math.max(1, Math.ceil(r.resetMs / 1000))) } });
    }
    taken.push({ giveBack: () => limiter.giveBack(key) });
  }
  return taken;
}

/** Failed sign-ins per email+IP: 5 per 15 minutes, then refused until the count slides below 5. */
export const loginFailuresPerAccount = () => named("login-fail", 5, 15 * 60_000);
/** Failed sign-ins per email over all IPs: bounds guessing from rotating (or spoofed) addresses. */
export const loginFailuresPerEmail = () => named("login-fail-email", 20, 15 * 60_000);
/** Failed sign-ins per IP over all emails: stops spraying one password over many accounts. */
export const loginFailuresPerIp = () => named("login-fail-ip", 50, 15 * 60_000);
/** Authenticated API requests per user:tenant. */
export const apiRequests = () => named("api", 600, 60_000);
