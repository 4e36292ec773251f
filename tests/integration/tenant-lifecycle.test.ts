import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { decrypt } from "@/lib/crypto";
import { enterpriseDb } from "@/lib/db/enterprise";
import { AppError } from "@/lib/errors";
import { archiveClient, closeAdminPools, listClients, purgeArchived, updateClient } from "@/lib/provisioning";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { createTenant, destroyTenants } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

const adminUrl = inject("pgAdminUrl");
const actor = { type: "enterprise-admin" as const, id: "00000000-0000-4000-8000-0000000000aa" };

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

async function canLogIn(id: string): Promise<boolean> {
  const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id } });
  const c = new pg.Client({ connectionString: decrypt(row.encryptedUri!, id) });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

describe("tenant lifecycle", () => {
  it("PUT changes name, segment and super admins; suspending refuses the very next request, reactivating serves again", async () => {
    const t = await createTenant();
    const sa = await enterpriseDb().superAdmin.create({ data: { email: `sa-${t.slug}@x.test`, name: "SA", passwordHash: "x" } });
    // Warm the registry cache and the pool.
    expect(await withTenantDb((await getTenant(t.slug))!, (db) => db.user.count())).toBe(1);

    const renamed = await updateClient(t.id, { name: "Renamed Ltd", segment: "retail", superAdminIds: [sa.id] }, actor);
    expect(renamed).toMatchObject({ id: t.id, name: "Renamed Ltd", segment: "retail", superAdminIds: [sa.id], status: "ACTIVE" });
    expect(JSON.stringify(renamed)).not.toMatch(/encrypted|v1\./);
    expect((await getTenant(t.slug))!.name).toBe("Renamed Ltd"); // no TTL wait

    const suspended = await updateClient(t.id, { status: "SUSPENDED" }, actor);
    expect(suspended.status).toBe("SUSPENDED");
    const tenant = (await getTenant(t.slug))!;
    expect(tenant.status).toBe("SUSPENDED");
    const err = await withTenantDb(tenant, (db) => db.user.count()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(423);

    await updateClient(t.id, { status: "ACTIVE", superAdminIds: [] }, actor);
    const back = (await getTenant(t.id))!;
    expect(back.status).toBe("ACTIVE");
    expect(await withTenantDb(back, (db) => db.user.count())).toBe(1);
    expect(await enterpriseDb().clientAssignment.count({ where: { clientId: t.id } })).toBe(0);

    const actions = (await enterpriseDb().auditLog.findMany({ where: { clientId: t.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["client.created", "client.updated", "client.suspended", "client.reactivated"]);
  });

  it("PUT refuses bad input and unknown clients", async () => {
    const t = await createTenant();
    await expect(updateClient(t.id, {}, actor)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateClient(t.id, { status: "ARCHIVED" }, actor)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateClient(t.id, { superAdminIds: ["00000000-0000-4000-8000-00000000dead"] }, actor)).rejects.toMatchObject({ code: "validation_failed" });
    await expect(updateClient("00000000-0000-4000-8000-00000000beef", { name: "Nobody" }, actor)).rejects.toMatchObject({ code: "not_found" });
  });

  it("DELETE archives (refused at once, role cannot log in, database kept); purge drops it after the grace period", async () => {
    const t = await createTenant();
    expect(await canLogIn(t.id)).toBe(true);
    const archived = await archiveClient(t.id, actor);
    expect(archived.status).toBe("ARCHIVED");
    expect(archived.archivedAt).not.toBeNull();
    expect(await canLogIn(t.id)).toBe(false);
    await expect(withTenantDb((await getTenant(t.id))!, (db) => db.user.count())).rejects.toMatchObject({ code: "not_found" });
    const exists = async () =>
      (
        await adminQuery(
          adminUrl,
          "SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int + (SELECT count(*) FROM pg_roles WHERE rolname = $1)::int AS n",
          [t.dbName],
        )
      ).rows[0]!.n;
    expect(await exists()).toBe(2);

    expect((await purgeArchived({ graceDays: 30 })).purged).not.toContain(t.id); // still within the grace period
    expect(await exists()).toBe(2);
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect((await purgeArchived({ graceDays: 30, now: later })).purged).toContain(t.id);
    expect(await exists()).toBe(0);
    expect(await enterpriseDb().client.findUnique({ where: { id: t.id } })).toBeNull();
    expect(await enterpriseDb().auditLog.count({ where: { targetId: t.id, action: "client.purged" } })).toBe(1);
  });

  it("GET lists clients newest first with a stable cursor", async () => {
    for (let i = 0; i < 3; i++) await createTenant();
    const total = await enterpriseDb().client.count();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 20; page++) {
      const { items, nextCursor } = await listClients({ limit: 2, cursor });
      seen.push(...items.map((c) => c.id));
      expect(items.length).toBeLessThanOrEqual(2);
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    const all = await listClients({ limit: 100 });
    expect(all.items.map((c) => c.id)).toEqual(seen);
    await expect(listClients({ limit: 2, cursor: "garbage" })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
