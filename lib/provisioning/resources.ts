import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { generatedSecretVerifier } from "../crypto/scram";
import { databaseName, quoteIdent, quoteLiteral, withDatabase } from "../db/url";
import { PrismaClient } from "../generated/client/client.ts";
import { migrateDatabase } from "../migrations";
import { tenancySettings } from "../tenancy/settings";
import type { ClientDb } from "../tenancy/types";
import { claimSpare, type SpareScope } from "./spares";
import { CLIENT_TEMPLATE_DB } from "./template";

// The PostgreSQL objects of one tenant: a login role and a database cloned
// from the client template. Names derive from the client id only (never from
// user text) and are still quoted. Every function here is idempotent, so a
// step can be re-run after a crash, and dropping is safe when nothing exists.

export const tenantDbName = (clientId: string) => `client_${clientId.replaceAll("-", "").toLowerCase()}`;
/** The role has the database's name (roles and databases are separate namespaces). */
export const tenantRoleName = tenantDbName;

/** The client id a tenant database or role name stands for, or null. */
export function clientIdFromName(name: string): string | null {
  const m = /^client_([0-9a-f]{32})$/.exec(name);
  if (!m) return null;
  const h = m[1]!;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Written as COMMENT on every tenant role and database: tells this deployment's objects apart on a shared server. */
export function ownerMarker(enterpriseUrl: string): string {
  return `bisman-tenant of ${databaseName(enterpriseUrl)}`;
}

/**
 * Creates the tenant's login role, or resets its password when it exists. The password is a generated
 * 256-bit secret (randomSecret(32)), so its verifier uses few PBKDF2 iterations (lib/crypto/scram.ts).
 */
export async function ensureRole(admin: pg.ClientBase, role: string, password: string, marker: string): Promise<void> {
  const verifier = quoteLiteral(generatedSecretVerifier(password));
  const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  const attrs = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS CONNECTION LIMIT ${tenancySettings().TENANT_ROLE_CONNECTION_LIMIT} PASSWORD ${verifier}`;
  if (exists.rowCount === 0) await admin.query(`CREATE ROLE ${quoteIdent(role)} WITH ${attrs}`);
  else await admin.query(`ALTER ROLE ${quoteIdent(role)} WITH ${attrs}`);
  await admin.query(`COMMENT ON ROLE ${quoteIdent(role)} IS ${quoteLiteral(marker)}`);
}

/**
 * How a tenant database gets its schema: "template" renames a spare clone of the
 * client template or clones it (the product's way); "clone" always clones inline;
 * "migrations" creates an empty database and runs every client migration (the
 * seed's way). The last two exist only so bench:provision can compare.
 */
export type DatabaseStrategy = "template" | "clone" | "migrations";
export type DatabaseOrigin = "existed" | "spare" | "cloned" | "migrated";

/**
 * Creates the tenant database when missing — a spare renamed when one is ready,
 * else a clone of the template — closes it to PUBLIC and lets only the tenant role connect.
 */
export async function ensureDatabase(
  admin: pg.ClientBase,
  dbName: string,
  role: string,
  marker: string,
  strategy: { kind: DatabaseStrategy; adminUrl: string; spares?: SpareScope } = { kind: "template", adminUrl: "" },
): Promise<DatabaseOrigin> {
  let how: DatabaseOrigin = "existed";
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
  if (exists.rowCount === 0 && strategy.kind !== "migrations") {
    if (strategy.kind === "template" && strategy.spares && (await claimSpare(admin, dbName, strategy.spares))) how = "spare";
    else {
      await cloneTemplate(admin, dbName);
      how = "cloned";
    }
  } else if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${quoteIdent(dbName)} TEMPLATE template0`);
    await migrateDatabase(withDatabase(strategy.adminUrl, dbName), "client");
    how = "migrated";
  }
  await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(dbName)} FROM PUBLIC`);
  await admin.query(`GRANT CONNECT ON DATABASE ${quoteIdent(dbName)} TO ${quoteIdent(role)}`);
  await admin.query(`COMMENT ON DATABASE ${quoteIdent(dbName)} IS ${quoteLiteral(marker)}`);
  return how;
}

/**
 * CREATE DATABASE … TEMPLATE: WAL_LOG (the default since PG15) copies block by
 * block through the WAL, no checkpoint. While the template is being migrated it
 * accepts a connection and cloning fails with 55006: wait briefly and retry.
 */
export async function cloneTemplate(admin: pg.ClientBase, dbName: string, template = CLIENT_TEMPLATE_DB, waitMs = 10_000): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      await admin.query(`CREATE DATABASE ${quoteIdent(dbName)} TEMPLATE ${quoteIdent(template)} STRATEGY WAL_LOG`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== "55006" || Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Inside the tenant database: DML on its tables and sequences for the tenant
 * role and nothing more (it owns neither the database nor the tables; the
 * migration history is read-only to it). Default privileges make tables that
 * later client migrations create (run by the admin role) reachable too.
 */
export function grantStatements(role: string): string[] {
  const r = quoteIdent(role);
  return [
    `REVOKE ALL ON SCHEMA public FROM PUBLIC`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `REVOKE ALL ON TABLE "_prisma_migrations" FROM ${r}`,
    `GRANT SELECT ON TABLE "_prisma_migrations" TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO ${r}`,
  ];
}

/** A short-lived admin Prisma client on one tenant database (provisioning only: never cached, never exported further). */
export async function withAdminTenantDb<T>(adminUrl: string, dbName: string, fn: (db: ClientDb) => Promise<T>): Promise<T> {
  const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, dbName), max: 1, application_name: "bisman-provisioning" });
  pool.on("error", () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool) }) as ClientDb;
  try {
    return await fn(db);
  } finally {
    await db.$disconnect().catch(() => undefined);
    await pool.end().catch(() => undefined);
  }
}

export async function applyGrants(db: ClientDb, role: string): Promise<string | null> {
  // One round trip: the grants run inside a DO block (identifiers generated and quoted; no user text).
  const body = grantStatements(role)
    .map((sql) => `EXECUTE ${quoteLiteral(sql)};`)
    .join(" ");
  await db.$executeRawUnsafe(`DO $grants$ BEGIN ${body} END $grants$`);
  const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return rows[0]?.migration_name ?? null;
}

/** The runtime URI the tenant's pools use: the shard's host, the tenant's role and database. */
export function runtimeUri(adminUrl: string, role: string, password: string, dbName: string): string {
  const u = new URL(withDatabase(adminUrl, dbName));
  u.username = role;
  u.password = password;
  return u.toString();
}

export async function resourcesExist(admin: pg.ClientBase, dbName: string, role: string): Promise<{ database: boolean; role: boolean }> {
  const r = await admin.query<{ db: boolean; role: boolean }>(
    "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS db, EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $2) AS role",
    [dbName, role],
  );
  return { database: r.rows[0]!.db, role: r.rows[0]!.role };
}

/** Drops the tenant database (terminating its sessions) and then its role. Safe when either is missing. */
export async function dropResources(admin: pg.ClientBase, dbName: string, role: string): Promise<void> {
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(dbName)} WITH (FORCE)`);
  const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  if (exists.rowCount) {
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role]);
    await admin.query(`DROP ROLE IF EXISTS ${quoteIdent(role)}`);
  }
}

/** The role can no longer log in and its sessions end (archive). */
export async function disableLogin(admin: pg.ClientBase, role: string): Promise<void> {
  const exists = await admin.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  if (!exists.rowCount) return;
  await admin.query(`ALTER ROLE ${quoteIdent(role)} WITH NOLOGIN`);
  await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", [role]);
}
