import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freePort } from "@/tests/helpers/pg-server";
import { connectTestRedis, TEST_REDIS_URL } from "@/tests/helpers/redis";

// With REDIS_URL set, sign-in failure counters live in Redis through
// @upstash/ratelimit (shared by every app instance): the real route, the real
// redis-server on 127.0.0.1:6379 (Debian's 7.0). REDIS_URL is set before
// anything reads the configuration in this file's process. The keys use the
// app's own prefix, so this run's email and client IP are unique (parallel runs
// never share a counter) and afterAll deletes this run's keys.

const REDIS_URL = TEST_REDIS_URL;
const email = `r-${randomUUID()}@e.test`;
const ip = `198.18.${randomInt(256)}.${randomInt(1, 255)}`;
const otherIp = `198.19.${randomInt(256)}.${randomInt(1, 255)}`;
const password = "correct horse battery staple";

const redis = await connectTestRedis("sign-in limits with REDIS_URL");
if (redis) process.env.REDIS_URL = REDIS_URL;

const ours = async () => (await redis!.keys("bisman:rl:*")).filter((k) => k.includes(email) || k.includes(ip) || k.includes(otherIp));

beforeAll(async () => {
  if (!redis) return;
  const { enterpriseDb } = await import("@/lib/db/enterprise");
  const { hashPassword } = await import("@/lib/auth/password");
  await enterpriseDb().enterpriseAdmin.create({ data: { email, name: "Redis Admin", passwordHash: await hashPassword(password) } });
});

afterAll(async () => {
  if (!redis) return;
  const { setDefaultStore } = await import("@/lib/ratelimit");
  setDefaultStore();
  const keys = await ours();
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

describe.skipIf(!redis)("sign-in limits with REDIS_URL", () => {
  it("counts failures in Redis through @upstash/ratelimit and refuses after five, in every app instance", async () => {
    const { POST } = (await import("@/tests/helpers/api")).routeHandlers("/api/enterprise/auth/login");
    const { call } = await import("@/tests/helpers/http");
    const { UpstashRedisStore, connectLimitRedis, defaultStore, setDefaultStore } = await import("@/lib/ratelimit");
    expect(defaultStore()).toBeInstanceOf(UpstashRedisStore);
    const login = (pw: string, from: string) =>
      call(POST, "/api/enterprise/auth/login", { body: { email, password: pw }, headers: { "x-forwarded-for": from } });

    // Not across a window boundary, where the sliding window would start to forget these failures.
    const into = Date.now() % (15 * 60_000);
    if (into > 15 * 60_000 - 20_000) await new Promise((r) => setTimeout(r, 15 * 60_000 - into + 100));
    for (let i = 0; i < 5; i++) expect((await login("nope", ip)).status).toBe(401);
    const refused = await login(password, ip);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);

    // @upstash/ratelimit's sliding-window keys, with a TTL of two windows.
    const keys = await ours();
    const account = keys.find((k) => k.startsWith(`bisman:rl:login-fail:enterprise-admin:${email}:${ip}:`));
    expect(account).toBeDefined();
    expect(await redis!.get(account!)).toBe("5");
    expect(await redis!.pttl(account!)).toBeGreaterThan(15 * 60_000);

    // Another app instance: its own connection and store, the same counters.
    const client = await connectLimitRedis(REDIS_URL);
    setDefaultStore(new UpstashRedisStore(client));
    try {
      expect((await login(password, ip)).status).toBe(429);
      // From another address the account is not locked (5 per email+IP; 20 per email): the right password
      // signs in and resets the email's counters, but not the locked email+IP pair.
      expect((await login(password, otherIp)).status).toBe(200);
      expect((await ours()).filter((k) => k.startsWith("bisman:rl:login-fail-email:"))).toEqual([]);
      expect((await login(password, ip)).status).toBe(429);
    } finally {
      client.disconnect();
      setDefaultStore();
    }
  });

  it("Redis unreachable: sign-in answers 503 problem+json with Retry-After (fail closed), logged without the URL", async () => {
    const { POST } = (await import("@/tests/helpers/api")).routeHandlers("/api/enterprise/auth/login");
    const { call } = await import("@/tests/helpers/http");
    const { UpstashRedisStore, connectLimitRedis, setDefaultStore } = await import("@/lib/ratelimit");
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const client = await connectLimitRedis(`redis://:s3cret-pw@127.0.0.1:${await freePort()}`);
    setDefaultStore(new UpstashRedisStore(client));
    try {
      const r = await call(POST, "/api/enterprise/auth/login", { body: { email, password }, headers: { "x-forwarded-for": ip } });
      expect(r.status).toBe(503);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      expect(r.headers.get("retry-after")).toBe("5");
      expect(r.body).toMatchObject({ code: "unavailable", status: 503 });
      const logged = errors.mock.calls.map((c) => c.join(" ")).join("\n");
      expect(logged).toContain("rate-limit store unavailable");
      expect(JSON.stringify(r.body) + logged).not.toMatch(/s3cret-pw|127\.0\.0\.1:\d+@/);
    } finally {
      client.disconnect();
      setDefaultStore();
      errors.mockRestore();
    }
  });
});
