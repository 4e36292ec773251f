import pg from "pg";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { verifyEnterpriseAuditChain } from "@/lib/audit";
import { decrypt, DecryptError } from "@/lib/crypto";
import { withDatabase } from "@/lib/db/url";
import { enterpriseDb } from "@/lib/db/enterprise";
import { AppError } from "@/lib/errors";
import { latestVersion, loadMigrations } from "@/lib/migrations";
import { modules } from "@/lib/modules/registry";
import { closeAdminPools, createClient, verifySetupToken } from "@/lib/provisioning";
import { connectionFactory, withTenantDb } from "@/lib/tenancy/connections";
import { clearTenantCache, getTenant } from "@/lib/tenancy/registry";
import { createTenant, destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { adminQuery } from "../helpers/databases";

const adminUrl = inject("pgAdminUrl");
const system = { type: "system" as const, id: null };

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

async function runtimeUriOf(id: string): Promise<string> {
  const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id } });
  return decrypt(row.encryptedUri!, id);
}

async function tryConnect(url: string): Promise<string | null> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (err) {
    return (err as { code?: string }).code ?? "error";
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function expectAppError(p: Promise<unknown>, code: string): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe("provisioning", () => {
  it("creates an ACTIVE tenant: own database from the template, least-privilege role, seeded owner, encrypted URI, audit entry", async () => {
    const t = await createTenant({ segment: "retail" });
    expect(t.dbName).toMatch(/^client_[0-9a-f]{32}$/);
    const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id: t.id }, include: { modules: { include: { module: true } } } });
    expect(row.status).toBe("ACTIVE");
    expect(row.provisioningStep).toBe("active");
    expect(row.schemaVersion).toBe(latestVersion(loadMigrations("client")));
    expect(row.encryptedUri).toMatch(/^v1\./);
    // No modules named: every module of the catalogue.
    expect(row.modules.map((m) => m.module.key).sort()).toEqual(
      modules()
        .map((m) => m.key)
        .sort(),
    );

    const role = (await adminQuery(adminUrl, "SELECT * FROM pg_roles WHERE rolname = $1", [t.dbName])).rows[0]!;
    expect(role).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false, rolcanlogin: true });
    expect(role.rolconnlimit).toBeGreaterThan(0);

    // It owns neither the database nor any table, and PUBLIC cannot connect.
    const owner = await adminQuery(adminUrl, "SELECT pg_get_userbyid(datdba) AS owner, datacl::text[] AS acl FROM pg_database WHERE datname = $1", [t.dbName]);
    expect(owner.rows[0]!.owner).not.toBe(t.dbName);
    expect((owner.rows[0]!.acl as string[]).some((a) => a.startsWith("="))).toBe(false);
    const owned = await adminQuery(
      adminUrl,
      "SELECT count(*)::int AS n FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = $1)",
      [t.dbName],
      t.dbName,
    );
    expect(owned.rows[0]!.n).toBe(0);

    // Through the factory (as the tenant role): seeded roles and the owner; DML works, DDL does not.
    const tenant = (await getTenant(t.slug))!;
    expect(tenant.id).toBe(t.id);
    const seen = await withTenantDb(tenant, async (db) => {
      const roles = await db.role.findMany({ where: { isSystem: true }, orderBy: { name: "asc" } });
      const admin = await db.user.findUniqueOrThrow({ where: { email: t.adminEmail }, include: { roles: { include: { role: true } } } });
      await db.account.create({ data: { code: "1000", name: "Cash", type: "ASSET" } });
      const ddl = await db.$executeRawUnsafe(`CREATE TABLE "x" (id int)`).then(
        () => "ok",
        (e: { meta?: { code?: string }; code?: string }) => e.meta?.code ?? e.code ?? "denied",
      );
      const history = await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations"`).then(
        () => "ok",
        () => "denied",
      );
      return { roles: roles.map((r) => r.name), adminRoles: admin.roles.map((r) => r.role.name), hasHash: admin.passwordHash !== null, ddl, history };
    });
    expect(seen.roles).toEqual(["Accountant", "Admin", "Owner", "Viewer"]);
    expect(seen.adminRoles).toEqual(["Owner"]);
    expect(seen.hasHash).toBe(true);
    expect(seen.ddl).not.toBe("ok");
    expect(seen.history).toBe("denied");

    const audit = await enterpriseDb().auditLog.findMany({ where: { clientId: t.id, action: "client.created" } });
    expect(audit).toHaveLength(1);
    expect((await verifyEnterpriseAuditChain(enterpriseDb())).ok).toBe(true);
  });

  it("answers 422 for bad slugs before any SQL runs", async () => {
    const before = await adminQuery(adminUrl, "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'client\\_%'");
    for (const slug of [
      "ab",
      "Acme",
      "1acme",
      "acme--corp",
      "acme-",
      "admin",
      "www",
      "postgres",
      "template1",
      "t",
      "a".repeat(41),
      "acme_corp",
      "acme corp",
      "12345678-1234-1234-1234-123456789abc",
    ]) {
      await expectAppError(createClient({ name: "Acme", slug, adminEmail: "a@acme.test" }, system), "validation_failed");
    }
    await expectAppError(createClient({ name: "A", adminEmail: "a@acme.test" }, system), "validation_failed");
    await expectAppError(createClient({ name: "Acme", slug: randomSlug(), adminEmail: "not-an-email" }, system), "validation_failed");
    expect(await enterpriseDb().client.count({ where: { slug: { in: ["admin", "acme"] } } })).toBe(0);
    const after = await adminQuery(adminUrl, "SELECT count(*)::int AS n FROM pg_database WHERE datname LIKE 'client\\_%'");
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it("derives the slug from the name and refuses a duplicate with 409", async () => {
    const name = `Acme ${randomSlug("")} Corp.`;
    const { body } = await createClient({ name, adminEmail: "owner@acme.test", adminPassword: "correct horse battery" }, system);
    expect(body.slug).toBe(
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/-+$/, ""),
    );
    await expectAppError(createClient({ name: "Other", slug: body.slug, adminEmail: "x@acme.test" }, system), "conflict");
  });

  it("50 concurrent creates of one slug make exactly one tenant", async () => {
    const slug = randomSlug("race");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => createClient({ name: "Race", slug, adminEmail: `a${i}@race.test`, adminPassword: "correct horse battery" }, system)),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.code === "conflict");
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    expect(await enterpriseDb().client.count({ where: { slug } })).toBe(1);
    const dbs = await adminQuery(adminUrl, "SELECT count(*)::int AS n FROM pg_database WHERE datname = $1", [
      (ok[0] as PromiseFulfilledResult<{ body: { dbName: string } }>).value.body.dbName,
    ]);
    expect(dbs.rows[0]!.n).toBe(1);
  });

  it("Idempotency-Key: same key and body → the first answer and one tenant; different body → 422", async () => {
    const slug = randomSlug("idem");
    const key = `key-${slug}`;
    const input = { name: "Idem", slug, adminEmail: "a@idem.test", adminPassword: "correct horse battery" };
    const actor = { type: "enterprise-admin" as const, id: "00000000-0000-4000-8000-000000000001" };
    const answers = await Promise.all(Array.from({ length: 5 }, () => createClient(input, actor, { idempotencyKey: key })));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await enterpriseDb().client.count({ where: { slug } })).toBe(1);
    const again = await createClient(input, actor, { idempotencyKey: key });
    expect(again.replayed).toBe(true);
    expect(again.body).toEqual(answers[0]!.body);
    await expectAppError(createClient({ ...input, name: "Different" }, actor, { idempotencyKey: key }), "validation_failed");
    // The stored answer is encrypted.
    const stored = await enterpriseDb().idempotencyKey.findFirstOrThrow({ where: { key } });
    expect(stored.responseBody).not.toContain(slug);
  });

  it("without adminPassword: a one-time setup link, and the owner has no password yet", async () => {
    const slug = randomSlug("setup");
    const { body } = await createClient({ name: "Setup", slug, adminEmail: "boss@setup.test" }, system);
    expect(body.setupLink).toMatch(new RegExp(`^http://${slug}\\.`));
    const token = new URL(body.setupLink!).searchParams.get("token")!;
    const named = verifySetupToken(token)!;
    expect(named.tenantId).toBe(body.clientId);
    expect(verifySetupToken(token.slice(0, -2) + "xx")).toBeNull();
    const user = await withTenantDb((await getTenant(body.clientId))!, (db) => db.user.findUniqueOrThrow({ where: { id: named.userId } }));
    expect(user.email).toBe("boss@setup.test");
    expect(user.passwordHash).toBeNull();
  });

  it("a failing step compensates: FAILED with a reason, no database, no role, a 500 without internals; the slug can be used again", async () => {
    const slug = randomSlug("fail");
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void logged.push(args.join(" ")));
    let id = "";
    const err = await expectAppError(
      createClient({ name: "Fail", slug, adminEmail: "a@fail.test", adminPassword: "correct horse battery" }, system, {
        onStep: (step, clientId) => {
          id = clientId;
          if (step === "database") throw Object.assign(new Error(`boom at ${adminUrl}`), { code: "XX000" });
        },
      }),
      "internal",
    );
    spy.mockRestore();
    expect(err.detail).not.toMatch(/postgres|boom|client_/);
    expect(logged.join("\n")).toContain("provisioning failed");
    const logs = logged.join("\n");
    expect(logs).not.toContain(adminUrl);
    const { password } = new URL(adminUrl);
    if (password) expect(logs).not.toContain(password); // TEST_DATABASE_URL may have none
    const row = await enterpriseDb().client.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("FAILED");
    expect(row.failureReason).toMatch(/database/);
    expect(row.encryptedUri).toBeNull();
    const left = await adminQuery(
      adminUrl,
      "SELECT (SELECT count(*) FROM pg_database WHERE datname = $1)::int + (SELECT count(*) FROM pg_roles WHERE rolname = $1)::int AS n",
      [row.dbName],
    );
    expect(left.rows[0]!.n).toBe(0);
    const { body } = await createClient({ name: "Fail again", slug, adminEmail: "a@fail.test", adminPassword: "correct horse battery" }, system);
    expect(body.status).toBe("ACTIVE");
  });

  it("a tenant's role reaches only its own database", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const uriA = await runtimeUriOf(a.id);
    expect(await tryConnect(uriA)).toBeNull();
    const enterpriseName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    for (const other of [b.dbName, enterpriseName, "postgres", "template1"]) {
      expect(await tryConnect(withDatabase(uriA, other)), `connect to ${other}`).not.toBeNull();
    }
  });

  it("the enterprise database holds no plaintext URI or password", async () => {
    const t = await createTenant({ adminPassword: "plaintext-never-stored-42" });
    const uri = await runtimeUriOf(t.id);
    const password = decodeURIComponent(new URL(uri).password);
    const enterpriseName = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const tables = (await adminQuery(adminUrl, `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`, [], enterpriseName)).rows.map(
      (r) => r.tablename as string,
    );
    let dump = "";
    for (const table of tables) {
      const rows = await adminQuery(adminUrl, `SELECT row_to_json(x)::text AS j FROM "${table}" x`, [], enterpriseName);
      dump += rows.rows.map((r) => r.j).join("\n");
    }
    expect(dump.length).toBeGreaterThan(100);
    expect(dump).not.toContain(password);
    expect(dump).not.toContain("postgresql://");
    expect(dump).not.toContain("plaintext-never-stored-42");
  });

  it("a ciphertext copied onto another client's row fails to decrypt", async () => {
    const a = await createTenant();
    const b = await createTenant();
    const rowA = await enterpriseDb().client.findUniqueOrThrow({ where: { id: a.id } });
    expect(() => decrypt(rowA.encryptedUri!, b.id)).toThrow(DecryptError);
    await enterpriseDb().client.update({ where: { id: b.id }, data: { encryptedUri: rowA.encryptedUri } });
    clearTenantCache();
    await expect(withTenantDb((await getTenant(b.id))!, (db) => db.user.count())).rejects.toBeInstanceOf(DecryptError);
  });
});
