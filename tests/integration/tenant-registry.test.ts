import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools } from "@/lib/provisioning";
import { connectionFactory } from "@/lib/tenancy/connections";
import { closeRegistry, getTenant, invalidateTenant } from "@/lib/tenancy/registry";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { freePort } from "../helpers/pg-server";

// The registry: cached until invalidated (or the TTL), and with REDIS_URL an
// invalidation on one instance drops the copy on every other instance.

let redis: ChildProcess | undefined;
let redisUrl = "";
// The cross-instance test needs a redis-server binary (Debian: apt-get install redis-server).
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;
if (!hasRedis) console.warn("[skipped] cross-instance invalidation over Redis: no redis-server binary (Debian: apt-get install redis-server)");

beforeAll(async () => {
  if (!hasRedis) return;
  const port = await freePort();
  redis = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no", "--bind", "127.0.0.1"], { stdio: "ignore" });
  redisUrl = `redis://127.0.0.1:${port}`;
  const probe = new Redis(redisUrl, { lazyConnect: true, retryStrategy: () => 50 });
  probe.on("error", () => undefined);
  for (let i = 0; (await probe.ping().catch(() => "no")) !== "PONG"; i++) {
    if (i > 100) throw new Error("redis-server did not start");
    await new Promise((r) => setTimeout(r, 100));
  }
  probe.disconnect();
  process.env.REDIS_URL = redisUrl; // before the registry's first use in this file
});

afterAll(async () => {
  await closeRegistry();
  delete process.env.REDIS_URL;
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
  if (redis?.pid) process.kill(redis.pid, "SIGTERM");
});

describe("tenant registry", () => {
  it("serves from cache until invalidated; invalidation is immediate", async () => {
    const t = await createTenant();
    expect((await getTenant(t.slug))!.name).toBe(t.name);
    // A change behind the registry's back stays invisible (cached)…
    await enterpriseDb().client.update({ where: { id: t.id }, data: { name: "Changed Behind" } });
    expect((await getTenant(t.slug))!.name).toBe(t.name);
    expect((await getTenant(t.id))!.name).toBe(t.name);
    // …until invalidated: by id and by slug at once.
    await invalidateTenant(t.id);
    expect((await getTenant(t.slug))!.name).toBe("Changed Behind");
    expect(await getTenant("no-such-tenant")).toBeNull();
    expect(await getTenant("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it.skipIf(!hasRedis)("an invalidation published by another instance (over Redis) drops this instance's copy", async () => {
    const t = await createTenant();
    expect((await getTenant(t.id))!.status).toBe("ACTIVE");
    await enterpriseDb().client.update({ where: { id: t.id }, data: { status: "SUSPENDED" } });
    expect((await getTenant(t.id))!.status).toBe("ACTIVE"); // still cached here
    const other = new Redis(redisUrl);
    try {
      await expect
        .poll(
          async () => {
            await other.publish("bisman:tenant-invalidated", t.id); // what invalidateTenant() does on the other instance
            return (await getTenant(t.id))!.status;
          },
          { timeout: 10_000, interval: 100 },
        )
        .toBe("SUSPENDED");
    } finally {
      other.disconnect();
    }
  });
});
