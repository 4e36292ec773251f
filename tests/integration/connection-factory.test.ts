import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools } from "@/lib/provisioning";
import { AppError } from "@/lib/errors";
import { ConnectionFactory } from "@/lib/tenancy/connections";
import { forgetShard } from "@/lib/tenancy/shards";
import { getTenant } from "@/lib/tenancy/registry";
import type { TenantRecord } from "@/lib/tenancy/types";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

// The connection factory under pressure, on real tenant databases: a tiny LRU
// with many tenants, and many tenants under a connection budget.

const adminUrl = inject("pgAdminUrl");
let tenants: TenantRecord[] = [];

async function tenantConnections(): Promise<number> {
  const names = tenants.map((t) => t.dbName);
  const r = await adminQuery(adminUrl, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = ANY($1::text[])", [names]);
  return r.rows[0]!.n as number;
}

/** Samples the server while fn runs: the most tenant connections seen at once. */
async function peakWhile<T>(fn: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = 0;
  let running = true;
  const sampler = (async () => {
    while (running) {
      peak = Math.max(peak, await tenantConnections());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  try {
    return { result: await fn(), peak };
  } finally {
    running = false;
    await sampler;
  }
}

// 100 tenants provisioned through the service (no admin password: no argon2 cost), three at a time.
beforeAll(async () => {
  const made: TenantRecord[] = [];
  const queue = Array.from({ length: 100 }, (_, i) => i);
  await Promise.all(
    [0, 1, 2].map(async () => {
      while (queue.shift() !== undefined) {
        const t = await createTenant({ adminPassword: null });
        made.push((await getTenant(t.id))!);
      }
    }),
  );
  tenants = made;
}, 300_000);

afterAll(async () => {
  await destroyTenants();
  await closeAdminPools();
}, 300_000);

describe("connection factory", () => {
  it("LRU max 2, 10 tenants, 200 concurrent queries: zero errors, no leaked connections", async () => {
    const factory = new ConnectionFactory({ maxClients: 2, poolSize: 2, budget: 40 });
    const ten = tenants.slice(0, 10);
    const { result, peak } = await peakWhile(() =>
      Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => {
          const t = ten[i % 10]!;
          return factory.withDb(t, async (db) => {
            const rows = await db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db, pg_sleep(0.005)::text AS slept`;
            return rows[0]!.db === t.dbName;
          });
        }),
      ),
    );
    const errors = result.filter((r) => r.status === "rejected");
    expect(errors.map((e) => String((e as PromiseRejectedResult).reason).slice(-300))).toEqual([]);
    expect(result.every((r) => r.status === "fulfilled" && r.value === true)).toBe(true);
    expect(peak).toBeLessThanOrEqual(40);
    const stats = factory.stats();
    expect(stats.open).toBeLessThanOrEqual(2);
    expect(stats.leases).toBe(0);
    expect(stats.opened).toBeGreaterThan(2); // it really churned
    await factory.closeAll();
    expect(factory.stats().reservedByShard).toEqual(Object.fromEntries(Object.keys(stats.reservedByShard).map((k) => [k, 0])));
    await expect.poll(tenantConnections, { timeout: 5_000 }).toBe(0);
  });

  it("an evicted client keeps serving its lease and closes when the lease returns", async () => {
    const factory = new ConnectionFactory({ maxClients: 1, poolSize: 1, budget: 40 });
    const [a, b] = tenants as [TenantRecord, TenantRecord];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = factory.withDb(a, async (db) => {
      await db.$queryRaw`SELECT 1`;
      await gate; // still leased while b pushes a out of the LRU
      return db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    });
    await new Promise((r) => setTimeout(r, 100));
    await factory.withDb(b, (db) => db.$queryRaw`SELECT 1`);
    expect(factory.stats()).toMatchObject({ open: 1, retiredOpen: 1 });
    release();
    expect((await slow)[0]!.db).toBe(a.dbName);
    await expect.poll(() => factory.stats().retiredOpen).toBe(0);
    await factory.closeAll();
  });

  it("100 tenants under a budget of 40 connections: zero errors, never more than 40", async () => {
    const factory = new ConnectionFactory({ maxClients: 50, poolSize: 2, budget: 40, waitMs: 30_000 });
    const { result, peak } = await peakWhile(() =>
      Promise.allSettled(
        Array.from({ length: 300 }, (_, i) => {
          const t = tenants[(i * 37) % tenants.length]!;
          return factory.withDb(t, (db) => db.user.count());
        }),
      ),
    );
    const errors = result.filter((r) => r.status === "rejected");
    expect(errors.map((e) => String((e as PromiseRejectedResult).reason).slice(-300))).toEqual([]);
    expect(peak).toBeLessThanOrEqual(40);
    const shardId = tenants[0]!.shardId;
    expect(factory.stats().reservedByShard[shardId]).toBeLessThanOrEqual(40);
    await factory.closeAll();
    await expect.poll(tenantConnections, { timeout: 5_000 }).toBe(0);
  });

  it("without an override the budget comes from the server; a shard's connectionBudget overrides it", async () => {
    const shardId = tenants[0]!.shardId;
    const r = await adminQuery(
      adminUrl,
      `SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int AS su,
              coalesce(nullif(current_setting('reserved_connections', true), ''), '0')::int AS reserved`,
    );
    const { max, su, reserved } = r.rows[0] as { max: number; su: number; reserved: number };
    // the enterprise pool (10) and 5 for provisioning and migrations come off too; two instances halve it
    expect(await new ConnectionFactory().budgetFor(shardId)).toBe(max - su - reserved - 10 - 5);
    expect(await new ConnectionFactory({ instances: 2 }).budgetFor(shardId)).toBe(Math.floor((max - su - reserved - 20 - 5) / 2));
    expect(await new ConnectionFactory({ budget: 9 }).budgetFor(shardId)).toBe(9);
    await enterpriseDb().shard.update({ where: { id: shardId }, data: { connectionBudget: 7 } });
    forgetShard(shardId);
    try {
      expect(await new ConnectionFactory().budgetFor(shardId)).toBe(7);
    } finally {
      await enterpriseDb().shard.update({ where: { id: shardId }, data: { connectionBudget: null } });
      forgetShard(shardId);
    }
  });

  it("a tenant's pool starts with one connection, grows only while busy, and shrinks back when idle", async () => {
    const factory = new ConnectionFactory({ poolSize: 3, budget: 40, idleTimeoutMs: 300 });
    const t = tenants[0]!;
    const mine = async () =>
      (await adminQuery(adminUrl, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'bisman-tenant'", [t.dbName]))
        .rows[0]!.n as number;
    for (let i = 0; i < 5; i++) await factory.withDb(t, (db) => db.user.count());
    expect(await mine()).toBe(1);
    expect(factory.stats().reservedByShard[t.shardId]).toBe(1);
    const { peak } = await peakWhile(() => Promise.all(Array.from({ length: 8 }, () => factory.withDb(t, (db) => db.$queryRaw`SELECT pg_sleep(0.2)::text`))));
    expect(peak).toBeGreaterThan(1);
    expect(peak).toBeLessThanOrEqual(3);
    expect(factory.stats().grown).toBeGreaterThan(0);
    await expect.poll(() => factory.stats().reservedByShard[t.shardId], { timeout: 5_000 }).toBe(1);
    await factory.closeAll();
  });

  it("more busy tenants than connections: callers queue in turn, all are served, never above the budget", async () => {
    const factory = new ConnectionFactory({ poolSize: 2, budget: 4, waitMs: 30_000 });
    const twenty = tenants.slice(0, 20);
    const { result, peak } = await peakWhile(() =>
      Promise.allSettled(
        Array.from({ length: 120 }, (_, i) => {
          const t = twenty[i % 20]!;
          return factory.withDb(t, async (db) => {
            const rows = await db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db, pg_sleep(0.01)::text AS slept`;
            return rows[0]!.db === t.dbName;
          });
        }),
      ),
    );
    const errors = result.filter((r) => r.status === "rejected");
    expect(errors.map((e) => String((e as PromiseRejectedResult).reason).slice(-300))).toEqual([]);
    expect(result.every((r) => r.status === "fulfilled" && r.value === true)).toBe(true);
    // The factory never held more than 4; the server may list a closed connection's backend for a moment
    // while it exits (its socket is already gone), so the server-side count gets a margin of those.
    expect(factory.stats().peakByShard[twenty[0]!.shardId]).toBeLessThanOrEqual(4);
    expect(peak).toBeLessThanOrEqual(8);
    // pools were handed from tenant to tenant (not one per request) and every one of them got its turn
    const stats = factory.stats();
    expect(stats.opened).toBeGreaterThanOrEqual(20);
    expect(stats.opened).toBeLessThan(120);
    expect(stats.waitingByShard[twenty[0]!.shardId]).toBe(0);
    await factory.closeAll();
    await expect.poll(tenantConnections, { timeout: 5_000 }).toBe(0);
  });

  it("only a caller that waited past its limit gets 503 with Retry-After; the pool in use is never closed", async () => {
    const factory = new ConnectionFactory({ poolSize: 1, budget: 1, waitMs: 300 });
    const [a, b] = tenants as [TenantRecord, TenantRecord];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const holding = factory.withDb(a, async (db) => {
      await db.$queryRaw`SELECT 1`;
      await gate;
      return db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`;
    });
    await new Promise((r) => setTimeout(r, 100));
    const refused = await factory.withDb(b, (db) => db.user.count()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ code: "unavailable" });
    expect((refused as AppError).extra.headers).toMatchObject({ "retry-after": "1" });
    expect(factory.stats().timedOut).toBe(1);
    // a caller that waits less than the limit is served as soon as a's lease returns
    const waiting = factory.withDb(b, (db) => db.$queryRaw<{ db: string }[]>`SELECT current_database() AS db`);
    await new Promise((r) => setTimeout(r, 50));
    release();
    expect((await holding)[0]!.db).toBe(a.dbName);
    expect((await waiting)[0]!.db).toBe(b.dbName);
    await factory.closeAll();
  });
});
