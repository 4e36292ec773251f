import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { withDatabase } from "@/lib/db/url";
import { createEnterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools, dropSpares, spareScope } from "@/lib/provisioning";
import { ownerMarker, tenantDbName } from "@/lib/provisioning/resources";
import { bootstrap } from "@/lib/runtime/bootstrap";
import { adminQuery, dropDatabase, uniqueName } from "../helpers/databases";

// Start-up runs reconcile: a client left PROVISIONING by a crash is cleaned
// before the server serves, and start-up does not need MASTER_KEY for that.

const adminUrl = inject("pgAdminUrl");
const name = uniqueName("bisman_boot");
const url = withDatabase(adminUrl, name);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "bisman-boot-"));
const db = createEnterpriseDb(url, 2);

afterAll(async () => {
  await dropSpares(url, spareScope(url));
  await db.$disconnect();
  await closeAdminPools();
  await dropDatabase(adminUrl, name);
  rmSync(dataDir, { recursive: true, force: true });
});

describe("bootstrap", () => {
  it("reconciles clients stuck in PROVISIONING at start-up", async () => {
    await bootstrap({ databaseUrl: url, dataDir, db, adminEmail: "boot@x.test", adminPassword: "boot-password-123" });
    const shard = await db.shard.findFirstOrThrow({ where: { isDefault: true } });
    const id = randomUUID();
    const dbName = tenantDbName(id);
    await db.client.create({
      data: { id, slug: `boot${id.slice(0, 8)}`, name: "Boot", dbName, shardId: shard.id, status: "PROVISIONING", provisioningStep: "database" },
    });
    const marker = ownerMarker(url);
    await adminQuery(adminUrl, `CREATE ROLE "${dbName}" LOGIN`);
    await adminQuery(adminUrl, `COMMENT ON ROLE "${dbName}" IS '${marker}'`);
    await adminQuery(adminUrl, `CREATE DATABASE "${dbName}" TEMPLATE bisman_client_template`);

    const saved = { MASTER_KEY: process.env.MASTER_KEY };
    delete process.env.MASTER_KEY; // as in `npm start`'s parent process
    try {
      await bootstrap({ databaseUrl: url, dataDir, db });
    } finally {
      process.env.MASTER_KEY = saved.MASTER_KEY;
    }
    const row = await db.client.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    const left = await adminQuery(
      adminUrl,
      "SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int + (SELECT count(*) FROM pg_roles WHERE rolname = $1)::int AS n",
      [dbName],
    );
    expect(left.rows[0]!.n).toBe(0);
  });
});
