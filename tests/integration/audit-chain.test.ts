import { afterAll, describe, expect, inject, it } from "vitest";
import { appendEnterpriseAudit, appendTenantAudit, verifyEnterpriseAuditChain, verifyTenantAuditChain } from "@/lib/audit";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools } from "@/lib/provisioning";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

const adminUrl = inject("pgAdminUrl");

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

describe("hash-chained audit logs", () => {
  it("the enterprise chain stays linear under concurrent appends and detects a forged row", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendEnterpriseAudit(enterpriseDb(), { actorType: "system", action: "test.concurrent", metadata: { i, nested: { b: 2, a: [1, "x"] } } }),
      ),
    );
    const ok = await verifyEnterpriseAuditChain(enterpriseDb());
    expect(ok).toMatchObject({ ok: true });
    expect(ok.count).toBeGreaterThanOrEqual(20);
    // Rows cannot be changed (trigger)…
    await expect(enterpriseDb().auditLog.updateMany({ data: { action: "x" } })).rejects.toThrow();
    // …and a row slipped in with a made-up hash breaks the chain.
    const last = await enterpriseDb().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });
    await enterpriseDb().auditLog.create({ data: { actorType: "system", action: "forged", prevHash: last.hash, hash: "f".repeat(64) } });
    const broken = await verifyEnterpriseAuditChain(enterpriseDb());
    expect(broken.ok).toBe(false);
  });

  it("a tenant's chain is written through its TenantContext as the tenant role", async () => {
    const t = await createTenant();
    const tenant = (await getTenant(t.id))!;
    await withTenantDb(tenant, async (db) => {
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          appendTenantAudit(db, { actorType: "client-user", actorId: "u1", action: "user.login", ip: "10.0.0.1", metadata: { i } }),
        ),
      );
    });
    const check = await withTenantDb(tenant, (db) => verifyTenantAuditChain(db));
    expect(check).toEqual({ ok: true, count: 10 });
    // Read in batches (here of 3), the chain links across batch boundaries just the same.
    expect(await withTenantDb(tenant, (db) => verifyTenantAuditChain(db, 3))).toEqual({ ok: true, count: 10 });
    // Tampering with a stored row (as the server's superuser, bypassing the trigger) is detected.
    await adminQuery(adminUrl, `ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only"`, [], t.dbName);
    await adminQuery(adminUrl, `UPDATE "AuditLog" SET "ip" = '6.6.6.6' WHERE id = (SELECT min(id) + 3 FROM "AuditLog")`, [], t.dbName);
    const tampered = await withTenantDb(tenant, (db) => verifyTenantAuditChain(db));
    const firstId = (await withTenantDb(tenant, (db) => db.auditLog.findFirstOrThrow({ orderBy: { id: "asc" } }))).id;
    expect(tampered).toEqual({ ok: false, count: 4, brokenAt: firstId + 3n });
    expect(await withTenantDb(tenant, (db) => verifyTenantAuditChain(db, 3))).toEqual(tampered); // found in the second batch
  });
});
