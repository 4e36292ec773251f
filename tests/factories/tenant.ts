import { randomBytes } from "node:crypto";
import { enterpriseDb } from "@/lib/db/enterprise";
import { createClient, dropSpares, dropTenant, spareScope } from "@/lib/provisioning";
import { resolveAdminUrl } from "@/lib/provisioning/admin";
import type { CreateClientRequest } from "@/lib/provisioning/schemas";

// A real tenant, provisioned through the provisioning service: its own
// database (from the template), role, seeded system roles and first admin.
// Tests that create tenants drop them afterwards: `await destroyTenants()`
// in afterAll (the server may be shared through TEST_DATABASE_URL).

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
  dbName: string;
  adminEmail: string;
  adminPassword: string;
}

const made = new Map<string, TestTenant>();

export function randomSlug(prefix = "t"): string {
  return `${prefix}${randomBytes(6).toString("hex")}`;
}

/**
 * `adminPassword: null` skips the password (the owner gets a setup link instead, and
 * provisioning skips argon2: use it for bulk tenants); the returned adminPassword is then "".
 */
export async function createTenant(opts: Partial<Omit<CreateClientRequest, "adminPassword">> & { adminPassword?: string | null } = {}): Promise<TestTenant> {
  const slug = opts.slug ?? randomSlug();
  const name = opts.name ?? `Test ${slug}`;
  const adminEmail = opts.adminEmail ?? `admin@${slug}.test`;
  const adminPassword = opts.adminPassword === null ? undefined : (opts.adminPassword ?? randomBytes(12).toString("base64url"));
  const { body } = await createClient({ ...opts, name, slug, adminEmail, adminPassword }, { type: "system", id: null });
  const tenant = { id: body.clientId, slug, name, dbName: body.dbName, adminEmail, adminPassword: adminPassword ?? "" };
  made.set(tenant.id, tenant);
  return tenant;
}

/** Drops one tenant's database, role and row. */
export async function destroyTenant(id: string): Promise<void> {
  const db = enterpriseDb();
  const row = await db.client.findUnique({ where: { id }, select: { id: true, dbName: true, shardId: true } });
  if (row) await dropTenant(db, row);
  made.delete(id);
}

/**
 * Drops every tenant this process created through createTenant(), and any other client row of
 * this enterprise DB, and the spare databases provisioning keeps ready for it.
 */
export async function destroyTenants(): Promise<void> {
  const db = enterpriseDb();
  for (const shard of await db.shard.findMany()) await dropSpares(resolveAdminUrl(shard), spareScope(process.env.DATABASE_URL!));
  const rows = await db.client.findMany({ select: { id: true, dbName: true, shardId: true } });
  // DROP DATABASE checkpoints: a few at a time is faster than one by one, and kinder than all at once.
  await Promise.all(
    [0, 1, 2].map(async () => {
      for (let row = rows.shift(); row; row = rows.shift()) await dropTenant(db, row);
    }),
  );
  made.clear();
}

/** For Playwright and HTTP tests: create a tenant through the running server's API. */
export async function createTenantViaApi(baseUrl: string, enterpriseToken: string, opts: Partial<CreateClientRequest> = {}): Promise<TestTenant> {
  const slug = opts.slug ?? randomSlug();
  const name = opts.name ?? `Test ${slug}`;
  const adminEmail = opts.adminEmail ?? `admin@${slug}.test`;
  const adminPassword = opts.adminPassword ?? randomBytes(12).toString("base64url");
  const res = await fetch(`${baseUrl}/api/enterprise/clients/create`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${enterpriseToken}` },
    body: JSON.stringify({ ...opts, name, slug, adminEmail, adminPassword }),
  });
  if (res.status !== 201) throw new Error(`creating a tenant failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { clientId: string; dbName: string };
  return { id: body.clientId, slug, name, dbName: body.dbName, adminEmail, adminPassword };
}
