import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/tests/helpers/pg-server";

// With REDIS_URL set, sign-in failure counters live in Redis (shared by every
// app instance): the same route, a real redis-server. REDIS_URL is set before
// anything reads the configuration in this file's process.

const REDIS = "/usr/bin/redis-server";
let server: ChildProcess | undefined;
let redis: Redis | undefined;

beforeAll(async () => {
  if (!existsSync(REDIS)) return;
  const port = await freePort();
  server = spawn(REDIS, ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore" });
  redis = new Redis({ port, host: "127.0.0.1", retryStrategy: (n) => (n > 100 ? null : 20) });
  redis.on("error", () => undefined);
  await new Promise((resolve) => redis!.once("ready", resolve));
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
});

afterAll(async () => {
  redis?.disconnect();
  server?.kill("SIGTERM");
});

describe.skipIf(!existsSync(REDIS))("sign-in limits with REDIS_URL", () => {
  it("counts failures in Redis and refuses after five", async () => {
    const { POST } = await import("@/app/api/enterprise/auth/login/route");
    const { call } = await import("@/tests/helpers/http");
    const email = `r-${randomUUID()}@e.test`;
    const headers = { "x-forwarded-for": "192.0.2.55" };
    for (let i = 0; i < 5; i++) expect((await call(POST, "/api/enterprise/auth/login", { body: { email, password: "nope" }, headers })).status).toBe(401);
    expect((await call(POST, "/api/enterprise/auth/login", { body: { email, password: "nope" }, headers })).status).toBe(429);
    const keys = await redis!.keys("bisman:rl:login-fail:*");
    expect(keys.some((k) => k.includes(email))).toBe(true);
    expect(await redis!.pttl(keys.find((k) => k.includes(email))!)).toBeGreaterThan(0);
  });
});
