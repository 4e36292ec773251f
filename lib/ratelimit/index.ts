import type { Redis } from "ioredis";
import { config } from "../config";
import { AppError } from "../errors";
import { log } from "../observability/log";

// Fixed-window counters. In memory by default (one process); in Redis when
// REDIS_URL is set, so several app instances share the counts. The Redis path
// uses one small Lua script of our own (no `#!lua flags=` line, which Redis 7.0
// rejects: see FACTS.md on @upstash/ratelimit).

export interface LimitResult {
  ok: boolean;
  count: number;
  limit: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface CounterStore {
  /** Adds `by` (0 = just read) to the key's counter for a window of `windowMs`; returns the count and time left. */
  incr(key: string, windowMs: number, by: number): Promise<{ count: number; resetMs: number }>;
  reset(key: string): Promise<void>;
}

export class MemoryStore implements CounterStore {
  private readonly counters = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly maxKeys = 50_000) {}

  async incr(key: string, windowMs: number, by: number): Promise<{ count: number; resetMs: number }> {
    const now = Date.now();
    let c = this.counters.get(key);
    if (!c || c.resetAt <= now) {
      if (by === 0) return { count: 0, resetMs: windowMs };
      if (this.counters.size >= this.maxKeys) this.sweep(now);
      c = { count: 0, resetAt: now + windowMs };
      this.counters.set(key, c);
    }
    c.count += by;
    return { count: c.count, resetMs: c.resetAt - now };
  }

  async reset(key: string): Promise<void> {
    this.counters.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, v] of this.counters) if (v.resetAt <= now) this.counters.delete(k);
    // Still full: drop the oldest entries rather than grow without bound.
    for (const k of this.counters.keys()) {
      if (this.counters.size < this.maxKeys) break;
      this.counters.delete(k);
    }
  }
}

const INCR_SCRIPT = `
local c = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[2]) > 0 then
  c = redis.call('INCRBY', KEYS[1], ARGV[2])
  if c == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
end
local ttl = redis.call('PTTL', KEYS[1])
return {c, ttl}`;

export class RedisStore implements CounterStore {
  constructor(private readonly redis: Redis | Promise<Redis>, private readonly prefix = "bisman:rl:") {}

  async incr(key: string, windowMs: number, by: number): Promise<{ count: number; resetMs: number }> {
    try {
      const redis = await this.redis;
      const [count, ttl] = (await redis.eval(INCR_SCRIPT, 1, this.prefix + key, String(windowMs), String(by))) as [number, number];
      return { count: Number(count), resetMs: ttl > 0 ? Number(ttl) : windowMs };
    } catch (err) {
      // Fail closed, and say so: without the shared counters, limits (and session revocations) cannot be checked.
      log.error("rate-limit store unavailable", { err });
      throw new AppError("unavailable", "Try again shortly.", { headers: { "retry-after": "5" } });
    }
  }

  async reset(key: string): Promise<void> {
    await (await this.redis).del(this.prefix + key);
  }
}

export class RateLimiter {
  constructor(
    private readonly store: CounterStore,
    readonly name: string,
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Counts one event; ok is false once the window holds more than `limit`. */
  async hit(key: string): Promise<LimitResult> {
    const { count, resetMs } = await this.store.incr(`${this.name}:${key}`, this.windowMs, 1);
    return { ok: count <= this.limit, count, limit: this.limit, resetMs };
  }

  /** Reads without counting: ok is false when the limit is already reached. */
  async check(key: string): Promise<LimitResult> {
    const { count, resetMs } = await this.store.incr(`${this.name}:${key}`, this.windowMs, 0);
    return { ok: count < this.limit, count, limit: this.limit, resetMs };
  }

  reset(key: string): Promise<void> {
    return this.store.reset(`${this.name}:${key}`);
  }
}

const globalStore = globalThis as unknown as { bismanRateLimitStore?: CounterStore };

/** The process's store: Redis when REDIS_URL is set, else memory. */
export function defaultStore(): CounterStore {
  if (!globalStore.bismanRateLimitStore) {
    const url = config().REDIS_URL;
    if (url) {
      // Imported lazily so the in-memory default never loads a Redis client.
      const client = import("ioredis").then(({ Redis: IORedis }) => {
        const redis = new IORedis(url, { maxRetriesPerRequest: 2 });
        redis.on("error", (err) => log.warn("redis (rate limits) connection error", { err: err.message }));
        return redis;
      });
      globalStore.bismanRateLimitStore = new RedisStore(client);
    } else {
      globalStore.bismanRateLimitStore = new MemoryStore();
    }
  }
  return globalStore.bismanRateLimitStore;
}

/** For tests: replace (or with no argument, forget) the process's store. */
export function setDefaultStore(store?: CounterStore): void {
  globalStore.bismanRateLimitStore = store;
}

const limiters = new Map<string, RateLimiter>();
function named(name: string, limit: number, windowMs: number): RateLimiter {
  let l = limiters.get(name);
  if (!l) {
    l = new RateLimiter({ incr: (k, w, b) => defaultStore().incr(k, w, b), reset: (k) => defaultStore().reset(k) }, name, limit, windowMs);
    limiters.set(name, l);
  }
  return l;
}

/** Failed sign-ins per email+IP: 5 per 15 minutes, then refused until the window ends. */
export const loginFailuresPerAccount = () => named("login-fail", 5, 15 * 60_000);
/** Failed sign-ins per email over all IPs: bounds guessing from rotating (or spoofed) addresses; refuses for at most 15 minutes. */
export const loginFailuresPerEmail = () => named("login-fail-email", 20, 15 * 60_000);
/** Failed sign-ins per IP over all emails: stops spraying one password over many accounts. */
export const loginFailuresPerIp = () => named("login-fail-ip", 50, 15 * 60_000);
/** Authenticated API requests per user:tenant. */
export const apiRequests = () => named("api", 600, 60_000);
