import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore, RateLimiter, RedisStore, type CounterStore } from "@/lib/ratelimit";
import { freePort } from "@/tests/helpers/pg-server";

// The limiter's semantics on both stores; the Redis store against a real
// redis-server (Debian's 7.0, whose Lua loader rejects `#!lua flags=` lines).

const REDIS = "/usr/bin/redis-server";
let server: ChildProcess | undefined;
let redis: Redis | undefined;

beforeAll(async () => {
  if (!existsSync(REDIS)) return;
  const port = await freePort();
  server = spawn(REDIS, ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore" });
  redis = new Redis({ port, host: "127.0.0.1", retryStrategy: (n) => (n > 100 ? null : 20) });
  redis.on("error", () => undefined); // refused until the server listens; ioredis retries
  await new Promise((resolve) => redis!.once("ready", resolve));
});

afterAll(async () => {
  redis?.disconnect();
  server?.kill("SIGTERM");
});

function semantics(name: string, store: () => CounterStore) {
  describe(name, () => {
    it("allows `limit` events per window, then refuses with the time left", async () => {
      const l = new RateLimiter(store(), `t${Math.random()}`, 3, 60_000);
      expect((await l.check("k")).ok).toBe(true);
      for (let i = 1; i <= 3; i++) expect(await l.hit("k")).toMatchObject({ ok: true, count: i });
      expect((await l.check("k")).ok).toBe(false);
      const over = await l.hit("k");
      expect(over.ok).toBe(false);
      expect(over.resetMs).toBeGreaterThan(0);
      expect(over.resetMs).toBeLessThanOrEqual(60_000);
      expect((await l.hit("other")).ok).toBe(true);
      await l.reset("k");
      expect((await l.check("k")).ok).toBe(true);
    });

    it("starts a new window after the old one ends", async () => {
      const l = new RateLimiter(store(), `w${Math.random()}`, 1, 50);
      await l.hit("k");
      expect((await l.check("k")).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 120));
      expect((await l.check("k")).ok).toBe(true);
      expect((await l.hit("k")).count).toBe(1);
    });
  });
}

semantics("memory store", () => new MemoryStore());
describe.skipIf(!existsSync(REDIS))("redis store", () => {
  semantics("on redis-server", () => new RedisStore(redis!));
  it("shares counts between two limiter instances (two app instances)", async () => {
    const name = `s${Math.random()}`;
    const one = new RateLimiter(new RedisStore(redis!), name, 2, 60_000);
    const two = new RateLimiter(new RedisStore(redis!), name, 2, 60_000);
    await one.hit("k");
    await two.hit("k");
    expect((await one.check("k")).ok).toBe(false);
  });
});

it("the memory store stays bounded", async () => {
  const s = new MemoryStore(100);
  for (let i = 0; i < 1000; i++) await s.incr(`k${i}`, 60_000, 1);
  expect((s as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(100);
});

it("route() limits requests per user:tenant (600 a minute), separately per tenant", async () => {
  const { rateLimit } = await import("@/lib/http/handler");
  const p = { kind: "client-user" as const, id: crypto.randomUUID(), email: "r@x.test", name: "R", tenantId: crypto.randomUUID(), tenantSlug: "r" };
  const t = (id: string) => ({ id, slug: "r", name: "R", status: "ACTIVE" as const, dbName: "x", shardId: "s", schemaVersion: null, modules: [] });
  const tenantA = t(p.tenantId);
  for (let i = 0; i < 600; i++) await rateLimit(p, tenantA);
  await expect(rateLimit(p, tenantA)).rejects.toMatchObject({ code: "rate_limited" });
  await expect(rateLimit(p, t(crypto.randomUUID()))).resolves.toBeUndefined();
});
