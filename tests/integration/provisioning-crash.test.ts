import { spawn } from "node:child_process";
import { afterAll, describe, expect, inject, it } from "vitest";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools, reconcile, type ReconcileReport } from "@/lib/provisioning";
import { ownerMarker } from "@/lib/provisioning/resources";
import { STEPS, type ProvisionStep } from "@/lib/provisioning/steps";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

// The crash matrix: a child process provisions a client and is SIGKILLed right
// after each recorded step; reconcile must then finish or clean it, leaving no
// ACTIVE client without its database and no orphan database or role.

const adminUrl = inject("pgAdminUrl");

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

function provisionAndKill(step: ProvisionStep, slug: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/provision-child.ts", step, slug], {
      env: process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /STEP (\S+) (\S+)/.exec(out);
      if (m) {
        child.kill("SIGKILL");
        child.once("exit", (_code, signal) => (signal === "SIGKILL" ? resolve(m[2]!) : reject(new Error("child was not killed"))));
      }
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`child exited ${code} before step ${step}: ${err.slice(-500)}`));
    });
  });
}

/** The killed child's backend may take a moment to go (and release its lock): retry while it is seen as live. */
async function reconcileUntilSettled(): Promise<ReconcileReport> {
  for (let i = 0; ; i++) {
    const report = await reconcile();
    if (report.skippedLive.length === 0 || i > 50) return report;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function invariants(): Promise<void> {
  const rows = await enterpriseDb().client.findMany();
  const marker = ownerMarker(process.env.DATABASE_URL!);
  const dbs = (await adminQuery(adminUrl, "SELECT datname AS n FROM pg_database WHERE shobj_description(oid, 'pg_database') = $1", [marker])).rows.map(
    (r) => r.n as string,
  );
  const roles = (await adminQuery(adminUrl, "SELECT rolname AS n FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = $1", [marker])).rows.map(
    (r) => r.n as string,
  );
  const allDbs = new Set((await adminQuery(adminUrl, "SELECT datname AS n FROM pg_database")).rows.map((r) => r.n as string));
  for (const r of rows) {
    expect(r.status, `client ${r.slug}`).not.toBe("PROVISIONING");
    if (r.status === "ACTIVE") {
      expect(allDbs.has(r.dbName), `ACTIVE ${r.slug} has its database`).toBe(true);
      expect(r.encryptedUri).not.toBeNull();
    }
  }
  const live = new Set(rows.filter((r) => r.status === "ACTIVE").map((r) => r.dbName));
  expect(
    dbs.filter((d) => !live.has(d)),
    "orphan databases",
  ).toEqual([]);
  expect(
    roles.filter((d) => !live.has(d)),
    "orphan roles",
  ).toEqual([]);
}

describe("crash matrix: SIGKILL after each provisioning step, then reconcile", () => {
  for (const step of STEPS) {
    it(`after "${step}"`, async () => {
      const slug = randomSlug("crash");
      const id = await provisionAndKill(step, slug);
      const stuck = await enterpriseDb().client.findUniqueOrThrow({ where: { id } });
      expect(stuck.status).toBe(step === "active" ? "ACTIVE" : "PROVISIONING");

      const report = await reconcileUntilSettled();
      const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id } });
      if (step === "seeded" || step === "encrypted") {
        expect(report.finished).toContain(id);
        expect(row.status).toBe("ACTIVE");
      } else if (step === "active") {
        expect(row.status).toBe("ACTIVE");
      } else {
        expect(report.cleaned).toContain(id);
        expect(row.status).toBe("FAILED");
        expect(row.failureReason).toContain(step);
      }
      if (row.status === "ACTIVE") {
        // Usable through the factory with the (possibly new) credentials.
        const owner = await withTenantDb((await getTenant(id))!, (db) => db.user.findUniqueOrThrow({ where: { email: `owner@${slug}.test` } }));
        expect(owner.passwordHash).not.toBeNull();
        expect(await enterpriseDb().auditLog.count({ where: { clientId: id, action: "client.created" } })).toBe(1);
      }
      await invariants();
      // Reconcile is idempotent: a second run changes nothing.
      const again = await reconcile();
      expect([...again.finished, ...again.cleaned, ...again.orphansDropped, ...again.failedLeftoversDropped]).toEqual([]);
    });
  }

  it("drops an orphan database and role of this deployment that has no client row", async () => {
    const slug = randomSlug("orphan");
    const id = await provisionAndKill("database", slug);
    await enterpriseDb().client.delete({ where: { id } }); // as if the row was lost
    const report = await reconcileUntilSettled();
    expect(report.orphansDropped).toContain(`client_${id.replaceAll("-", "")}`);
    await invariants();
  });
});
