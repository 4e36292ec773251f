import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort, startTestPgServer } from "../helpers/pg-server";
import { adminQuery } from "../helpers/databases";
import { withDatabase } from "@/lib/db/url";

// The README's run command as a new user runs it: `npm start` with no
// DATABASE_URL, against the production build made by the `build` stage.

let dataDir: string;
let port: number;
let pgPort: number;
const running = new Set<ChildProcess>();

function start(env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  let out = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      ENTERPRISE_ADMIN_EMAIL: "",
      ENTERPRISE_ADMIN_PASSWORD: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  running.add(child);
  void exited.then(() => running.delete(child));
  return { child, output: () => out, exited };
}

async function waitForHealth(output: () => string): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) return Date.now() - t0;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 150_000) throw new Error(`server did not become healthy:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The orphaned `next start` of a SIGKILLed start script still holds the port: what an operator would kill by hand. */
async function killNextServerOn(p: number): Promise<void> {
  const { execSync } = await import("node:child_process");
  const pids =
    execSync(`ss -ltnpH 'sport = :${p}' || true`)
      .toString()
      .match(/pid=(\d+)/g) ?? [];
  for (const m of pids) process.kill(Number(m.slice(4)), "SIGKILL");
  for (let i = 0; i < 50; i++) {
    try {
      await fetch(`http://127.0.0.1:${p}/api/health`);
      await new Promise((r) => setTimeout(r, 100));
    } catch {
      return;
    }
  }
}

async function api(pathname: string, init: { method?: string; token?: string; tenant?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.tenant) headers["x-tenant-id"] = init.tenant;
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${pathname} answered ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

/** The first admin creates a tenant through the real API, the way an operator would. */
async function createTenantThroughApi(adminPassword: string) {
  const { token } = await api("/api/enterprise/auth/login", { method: "POST", body: { email: "admin@bisman.local", password: adminPassword } });
  const email = "owner@acme.test";
  const password = "owner-password-123";
  const created = await api("/api/enterprise/clients/create", {
    method: "POST",
    token: token as string,
    body: { name: "Acme Trading", slug: "acme-trading", adminEmail: email, adminPassword: password },
  });
  expect(created).toMatchObject({ slug: "acme-trading", status: "ACTIVE" });
  return { slug: "acme-trading", email, password };
}

async function tenantUserEmails(t: { slug: string; email: string; password: string }): Promise<string[]> {
  const { token } = await api("/api/client/auth/login", { method: "POST", tenant: t.slug, body: { email: t.email, password: t.password } });
  const users = await api("/api/client/users", { token: token as string, tenant: t.slug });
  return (users.users as Array<{ email: string }>).map((u) => u.email);
}

async function enterpriseQuery(sql: string, params: unknown[] = []) {
  const { PG_PASSWORD } = JSON.parse(readFileSync(path.join(dataDir, "secrets.json"), "utf8"));
  const db = new pg.Client({ host: "127.0.0.1", port: pgPort, user: "postgres", password: PG_PASSWORD, database: "bisman_enterprise" });
  await db.connect();
  try {
    return await db.query(sql, params);
  } finally {
    await db.end();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), "bisman-system-"));
  chmodSync(dataDir, 0o755);
  port = await freePort();
  pgPort = await freePort();
});
// A failed test must not leave its server holding the ports for the next one.
afterEach(async () => {
  for (const child of running) child.kill("SIGTERM");
  while (running.size) await new Promise((r) => setTimeout(r, 100));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("npm start with the embedded default", () => {
  it("stops at once with one clear line on bad configuration", async () => {
    for (const [env, message] of [
      [{ DATABASE_URL: "mysql://localhost/x" }, /^bisman: Invalid configuration: DATABASE_URL must be a postgres/m],
      [{ MASTER_KEY: Buffer.alloc(16).toString("base64") }, /^bisman: Invalid configuration: MASTER_KEY must be base64 of exactly 32 bytes/m],
      [{ NODE_ENV: "production", DATABASE_URL: "postgresql://u@127.0.0.1:1/x" }, /^bisman: Invalid configuration: MASTER_KEY and AUTH_SECRET must be set/m],
    ] as const) {
      const run = start(env);
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(message);
      expect(run.output().trim().split("\n")).toHaveLength(1);
    }
  });

  it("serves, refuses a second server on the same DATA_DIR, stops cleanly and keeps data across a restart", async () => {
    const first = start();
    const firstStartMs = await waitForHealth(first.output);
    expect(first.output()).toMatch(/created the first enterprise admin admin@bisman.local with password \S{12,}/);
    expect(statSync(path.join(dataDir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dataDir, "initial-admin-password")).mode & 0o777).toBe(0o600);

    await enterpriseQuery(`INSERT INTO "Shard" (id, name, "adminUrlEnv") VALUES (gen_random_uuid(), 'kept-across-restart', 'X')`);
    expect(first.output()).toMatch(/tenant databases at \d{14}_\w+: 0 migrated, 0 current, 0 failed/);
    const adminPassword = /with password (\S+)/.exec(first.output())![1]!;
    const tenant = await createTenantThroughApi(adminPassword);
    expect(await tenantUserEmails(tenant)).toEqual([tenant.email]);

    const second = start({ PORT: String(await freePort()) });
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/Another BISMAN ERP server \(pid \d+\) is already using/);

    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(existsSync(path.join(dataDir, "pg", "postmaster.pid"))).toBe(false);
    expect(existsSync(path.join(dataDir, "bisman.pid"))).toBe(false);

    const again = start();
    const restartMs = await waitForHealth(again.output);
    expect(again.output()).not.toMatch(/created the first enterprise admin/);
    const kept = await enterpriseQuery(`SELECT name FROM "Shard" WHERE name = 'kept-across-restart'`);
    expect(kept.rowCount).toBe(1);
    expect(again.output()).toMatch(/tenant databases at \d{14}_\w+: 0 migrated, 1 current, 0 failed/);
    expect(await tenantUserEmails(tenant)).toEqual([tenant.email]);
    // A start script killed outright leaves PostgreSQL (and Next.js) running; the next start recovers.
    again.child.kill("SIGKILL");
    await again.exited;
    await killNextServerOn(port);
    const recovered = start();
    await waitForHealth(recovered.output);
    expect((await enterpriseQuery(`SELECT name FROM "Shard" WHERE name = 'kept-across-restart'`)).rowCount).toBe(1);
    recovered.child.kill("SIGINT");
    expect(await recovered.exited).toBe(0);
    console.log(`[figures] first start to healthy: ${firstStartMs} ms; restart to healthy: ${restartMs} ms`);
  });
});

describe("npm start with DATABASE_URL", () => {
  it("uses that server: creates and migrates the enterprise database and records it as the default shard", async () => {
    const server = await startTestPgServer();
    try {
      const url = withDatabase(server.adminUrl, `bisman_sys_${Date.now()}`);
      const run = start({ DATABASE_URL: url, ENTERPRISE_ADMIN_EMAIL: "ops@example.com", ENTERPRISE_ADMIN_PASSWORD: "a-long-enough-password" });
      await waitForHealth(run.output);
      expect(run.output()).toMatch(/created the first enterprise admin ops@example.com \(password from ENTERPRISE_ADMIN_PASSWORD\)/);
      expect(run.output()).not.toContain("embedded PostgreSQL");
      expect(run.output()).not.toContain(new URL(server.adminUrl).password || "\u0000");
      const shard = await adminQuery(url, `SELECT name, "adminUrlEnv", "isDefault" FROM "Shard"`, [], new URL(url).pathname.slice(1));
      expect(shard.rows).toEqual([{ name: "default", adminUrlEnv: "DATABASE_URL", isDefault: true }]);
      run.child.kill("SIGTERM");
      expect(await run.exited).toBe(0);
    } finally {
      await server.stop();
    }
  });
});
