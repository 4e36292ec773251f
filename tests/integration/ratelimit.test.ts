import { randomUUID } from "node:crypto";
import net from "node:net";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { MemoryStore, UpstashRedisStore, connectLimitRedis, setDefaultStore, type LimitStore } from "@/lib/ratelimit";
import { UpstashRedisAdapter, sha1, stripShebang } from "@/lib/ratelimit/upstash-redis";
import { freePort } from "@/tests/helpers/pg-server";
import { connectTestRedis, TEST_REDIS_URL } from "@/tests/helpers/redis";

// The limiter's semantics on both stores. The Redis store (@upstash/ratelimit
// through our ioredis adapter) runs against the real redis-server on
// 127.0.0.1:6379 (Debian's 7.0, whose Lua loader rejects `#!lua flags=`
// lines). Every key of this run starts with a unique prefix, so parallel runs
// never share counters, and afterAll deletes them.

const REDIS_URL = TEST_REDIS_URL;
const run = `bisman-test:${randomUUID()}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const redis = await connectTestRedis("the @upstash/ratelimit Redis store tests");
const clients: Redis[] = [];
/** A separate connection, as another app instance would have. */
function connection(): Redis {
  const c = new Redis(REDIS_URL, { maxRetriesPerRequest: 2, commandTimeout: 2_000 });
  clients.push(c);
  return c;
}

afterAll(async () => {
  if (redis) {
    for await (const keys of redis.scanStream({ match: `${run}:*`, count: 500 })) if ((keys as string[]).length) await redis.del(...(keys as string[]));
    redis.disconnect();
  }
  for (const c of clients) c.disconnect();
  setDefaultStore();
});

/** Waits, if needed, so that the next `marginMs` stay inside one window (no boundary crossing mid-test). */
async function awayFromBoundary(windowMs: number, marginMs: number): Promise<void> {
  const into = Date.now() % windowMs;
  if (into > windowMs - marginMs) await sleep(windowMs - into + 5);
}

function semantics(name: string, store: () => LimitStore) {
  describe(name, () => {
    it("allows `limit` events per window, then refuses with the time left; reset clears one key", async () => {
      const l = store().limiter(`t${randomUUID()}`, 3, 60_000);
      await awayFromBoundary(60_000, 5_000);
      expect(await l.check("k")).toMatchObject({ ok: true, remaining: 3, limit: 3 });
      for (let i = 1; i <= 3; i++) expect(await l.hit("k")).toMatchObject({ ok: true, remaining: 3 - i });
      expect((await l.check("k")).ok).toBe(false);
      const over = await l.hit("k");
      expect(over).toMatchObject({ ok: false, remaining: 0 });
      expect(over.resetMs).toBeGreaterThan(0);
      expect(over.resetMs).toBeLessThanOrEqual(60_000);
      expect((await l.hit("other")).ok).toBe(true);
      await l.reset("k");
      expect(await l.check("k")).toMatchObject({ ok: true, remaining: 3 });
      expect((await l.check("other")).remaining).toBe(2);
    });

    it("allows events again once the window has passed", async () => {
      const l = store().limiter(`w${randomUUID()}`, 1, 200);
      await awayFromBoundary(200, 150);
      await l.hit("k");
      expect((await l.check("k")).ok).toBe(false);
      expect((await l.hit("k")).ok).toBe(false);
      await sleep(450); // two windows and a bit: a sliding window also forgets the previous one
      expect((await l.check("k")).ok).toBe(true);
      expect(await l.hit("k")).toMatchObject({ ok: true, remaining: 0 });
    });

    it("marks a key until its TTL passes (signed-out sessions)", async () => {
      const s = store();
      const k = `revoked-session:${randomUUID()}`;
      expect(await s.isMarked(k)).toBe(false);
      await s.mark(k, 300);
      expect(await s.isMarked(k)).toBe(true);
      await sleep(450);
      expect(await s.isMarked(k)).toBe(false);
    });
  });
}

semantics("memory store", () => new MemoryStore());

it("the memory store stays bounded", async () => {
  const s = new MemoryStore(100);
  for (let i = 0; i < 1000; i++) s.incr(`k${i}`, 60_000, 1);
  expect((s as unknown as { counters: Map<string, unknown> }).counters.size).toBeLessThanOrEqual(100);
});

describe.skipIf(!redis)("Redis store: @upstash/ratelimit on redis-server 127.0.0.1:6379", () => {
  semantics("through @upstash/ratelimit", () => new UpstashRedisStore(connection(), run));

  it("the adapter runs a `#!lua flags=allow-key-locking` script on this Redis by stripping the line, and maps its hash", async () => {
    // Unique per run, so no earlier run left it in Redis's script cache.
    const script = `#!lua flags=allow-key-locking\nreturn {KEYS[1], ARGV[1], "${run}"}`;
    const version = (await redis!.info("server")).match(/redis_version:(\S+)/)?.[1] ?? "";
    if (version.startsWith("7.0.")) await expect(redis!.eval(script, 0)).rejects.toThrow(/Unexpected flag in script shebang/);

    const adapter = new UpstashRedisAdapter(connection());
    // What @upstash/ratelimit does: EVALSHA with sha1 of the original script; on NOSCRIPT, EVAL.
    await expect(adapter.evalsha(sha1(script), ["k"], [1])).rejects.toThrow(/NOSCRIPT/);
    expect(await adapter.eval(script, ["k"], [1])).toEqual(["k", "1", run]);
    expect(await redis!.script("EXISTS", sha1(stripShebang(script)))).toEqual([1]);
    expect(await adapter.evalsha(sha1(script), ["k2"], [null])).toEqual(["k2", "", run]);
    expect(stripShebang(script)).toBe(`return {KEYS[1], ARGV[1], "${run}"}`);
  });

  it("shares counts and resets between two app instances (separate connections and stores)", async () => {
    const name = `s${randomUUID()}`;
    const one = new UpstashRedisStore(connection(), run).limiter(name, 2, 60_000);
    const two = new UpstashRedisStore(connection(), run).limiter(name, 2, 60_000);
    await awayFromBoundary(60_000, 5_000);
    expect((await one.hit("k")).ok).toBe(true);
    expect((await two.hit("k")).ok).toBe(true);
    expect((await one.check("k")).ok).toBe(false);
    expect((await two.hit("k")).ok).toBe(false);
    await one.reset("k");
    expect(await two.check("k")).toMatchObject({ ok: true, remaining: 2 });
    // The keys are @upstash/ratelimit's sliding-window layout (reset deletes them by name).
    expect(await redis!.keys(`${run}:${name}:k:*`)).toEqual([]);
    await two.hit("k");
    const keys = await redis!.keys(`${run}:${name}:k:*`);
    expect(keys).toEqual([`${run}:${name}:k:${Math.floor(Date.now() / 60_000)}`]);
    expect(await redis!.pttl(keys[0]!)).toBeGreaterThan(60_000); // two windows + 1 s
  });

  it("slides: the previous window still counts, weighted by its overlap", async () => {
    const l = new UpstashRedisStore(connection(), run).limiter(`p${randomUUID()}`, 4, 1_000);
    const into = Date.now() % 1_000;
    await sleep(into < 800 ? 800 - into : 1_800 - into); // late in a window
    for (let i = 0; i < 4; i++) expect((await l.hit("k")).ok).toBe(true);
    await sleep(1_000 - (Date.now() % 1_000) + 50); // early in the next one
    // The 4 earlier events still weigh floor(4 × (1 − elapsed share)) ≥ 1 for the first 750 ms;
    // an aligned fixed window would allow 4 more right away.
    expect((await l.check("k")).remaining).toBeLessThan(4);
    const more = [];
    for (let i = 0; i < 4; i++) more.push(await l.hit("k"));
    expect(more.filter((r) => r.ok).length).toBeLessThan(4);
  });

  it("route() limits requests per user:tenant through @upstash/ratelimit", async () => {
    setDefaultStore(new UpstashRedisStore(connection(), run));
    try {
      const { rateLimit } = await import("@/lib/api/pipeline");
      await routeLimit(rateLimit);
    } finally {
      setDefaultStore();
    }
  });
});

describe("Redis unavailable: fail closed (503, logged without secrets)", () => {
  it("a refused connection answers 503 with Retry-After for limits and marks", async () => {
    const port = await freePort(); // nothing listens there
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const warns = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const client = await connectLimitRedis(`redis://:s3cret-pw@127.0.0.1:${port}`);
    try {
      const s = new UpstashRedisStore(client, run);
      const l = s.limiter("login-fail", 5, 60_000);
      for (const attempt of [() => l.check("k"), () => l.hit("k"), () => l.reset("k"), () => s.isMarked("x"), () => s.mark("x", 1000)]) {
        const err = await attempt().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(AppError);
        expect(err).toMatchObject({ code: "unavailable", extra: { headers: { "retry-after": "5" } } });
        expect((err as AppError).status).toBe(503);
      }
      const logged = [...errors.mock.calls, ...warns.mock.calls].map((c) => c.join(" ")).join("\n");
      expect(logged).toContain("rate-limit store unavailable");
      expect(logged).not.toContain("s3cret-pw");
    } finally {
      client.disconnect();
      errors.mockRestore();
      warns.mockRestore();
    }
  });

  it("a server that never answers is a 503 after the command timeout, not a pass", async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const client = await connectLimitRedis(`redis://127.0.0.1:${(silent.address() as net.AddressInfo).port}`);
    try {
      const l = new UpstashRedisStore(client, run).limiter("api", 600, 60_000);
      await expect(l.hit("k")).rejects.toMatchObject({ code: "unavailable" });
    } finally {
      client.disconnect();
      errors.mockRestore();
      silent.close();
    }
  });
});

type RateLimitFn = typeof import("@/lib/api/pipeline").rateLimit;
async function routeLimit(rateLimit: RateLimitFn) {
  const p = { kind: "client-user" as const, id: crypto.randomUUID(), email: "r@x.test", name: "R", tenantId: crypto.randomUUID(), tenantSlug: "r" };
  const t = (id: string) => ({ id, slug: "r", name: "R", status: "ACTIVE" as const, dbName: "x", shardId: "s", schemaVersion: null, modules: [] });
  const tenantA = t(p.tenantId);
  await awayFromBoundary(60_000, 10_000);
  for (let i = 0; i < 600; i++) await rateLimit(p, tenantA);
  await expect(rateLimit(p, tenantA)).rejects.toMatchObject({ code: "rate_limited" });
  await expect(rateLimit(p, t(crypto.randomUUID()))).resolves.toBeUndefined();
}

it("route() limits requests per user:tenant (600 a minute), separately per tenant (memory store)", async () => {
  setDefaultStore(new MemoryStore());
  try {
    const { rateLimit } = await import("@/lib/api/pipeline");
    await routeLimit(rateLimit);
  } finally {
    setDefaultStore();
  }
});
