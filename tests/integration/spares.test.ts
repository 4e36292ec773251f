import { afterAll, describe, expect, inject, it } from "vitest";
import { closeAdminPools, createClient, dropSpares, replenishSpares, spareScope } from "@/lib/provisioning";
import type { DatabaseOrigin } from "@/lib/provisioning/resources";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

// Spare databases: template clones made off the request path and renamed into
// place by provisioning; never handed out when made before a client migration.

const adminUrl = inject("pgAdminUrl");
const system = { type: "system" as const, id: null };

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

const sparesOf = async (prefix: string) =>
  (await adminQuery(adminUrl, "SELECT datname AS n FROM pg_database WHERE starts_with(datname, $1) ORDER BY 1", [prefix])).rows.map((r) => r.n as string);

describe("spare tenant databases", () => {
  it("are made in the background, renamed into place by the next provisioning, and replaced", async () => {
    const scope = spareScope(process.env.DATABASE_URL!);
    await replenishSpares(adminUrl, scope, 2);
    const before = await sparesOf(scope.currentPrefix);
    expect(before).toHaveLength(2);

    let origin: DatabaseOrigin | undefined;
    const slug = randomSlug("spare");
    const { body } = await createClient({ name: "Spare", slug, adminEmail: `o@${slug}.test`, adminPassword: "correct horse battery" }, system, {
      onDatabase: (o) => (origin = o),
    });
    expect(origin).toBe("spare");
    const after = await sparesOf(scope.currentPrefix);
    expect(before.filter((n) => !after.includes(n))).toHaveLength(1); // one was used

    // The renamed spare is a full tenant: closed to PUBLIC, seeded, reachable only by its role.
    const acl = await adminQuery(adminUrl, "SELECT datacl::text[] AS acl FROM pg_database WHERE datname = $1", [body.dbName]);
    expect((acl.rows[0]!.acl as string[]).some((a) => a.startsWith("="))).toBe(false);
    expect(await withTenantDb((await getTenant(body.clientId))!, (db) => db.role.count())).toBe(4);
  });

  it("a spare made for another client schema version is dropped, never handed out", async () => {
    const scope = spareScope(process.env.DATABASE_URL!);
    await dropSpares(adminUrl, scope);
    const stale = `${scope.deploymentPrefix}00000000_${"ab".repeat(8)}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${stale}" TEMPLATE bisman_client_template`);
    let origin: DatabaseOrigin | undefined;
    const slug = randomSlug("stale");
    await createClient({ name: "Stale", slug, adminEmail: `o@${slug}.test`, adminPassword: "correct horse battery" }, system, {
      onDatabase: (o) => (origin = o),
    });
    expect(origin).toBe("cloned");
    await replenishSpares(adminUrl, scope, 1);
    const all = await sparesOf(scope.deploymentPrefix);
    expect(all).not.toContain(stale);
    expect(all.every((n) => n.startsWith(scope.currentPrefix))).toBe(true);
    await dropSpares(adminUrl, scope);
    expect(await sparesOf(scope.deploymentPrefix)).toEqual([]);
  });
});
