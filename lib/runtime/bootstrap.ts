import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "../auth/password";
import { databaseName, quoteIdent } from "../db/url";
import type { EnterpriseDb } from "../db/enterprise";
import { alwaysOnModules, modules } from "../modules/registry";
import { migrateDatabase } from "../migrations";
import { migrateClients, type MigrateClientsSummary } from "../provisioning/fleet-clients";
import { reconcile } from "../provisioning/reconcile";
import { ensureClientTemplate, withAdminClient } from "../provisioning/template";

// Everything a server needs before it serves: the enterprise database exists
// and is migrated, the default shard and the module catalogue are recorded,
// the client template is current, and there is a first enterprise admin.

export async function ensureDatabase(url: string): Promise<boolean> {
  const name = databaseName(url);
  return withAdminClient(url, async (admin) => {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE ${quoteIdent(name)}`).catch((err: { code?: string }) => {
      if (err.code !== "42P04") throw err; // created meanwhile by another starter
    });
    return true;
  });
}

export async function ensureDefaultShard(db: EnterpriseDb): Promise<void> {
  await db.shard.upsert({
    where: { name: "default" },
    create: { name: "default", adminUrlEnv: "DATABASE_URL", isDefault: true },
    update: {},
  });
}

export async function ensureModuleCatalogue(db: EnterpriseDb): Promise<void> {
  for (const m of modules()) {
    const data = { name: m.name, description: m.description, permissions: Object.keys(m.permissions) };
    await db.module.upsert({ where: { key: m.key }, create: { key: m.key, ...data }, update: data });
  }
  // Every client has the always-on modules (core), including clients created before that rule.
  const alwaysOn = alwaysOnModules();
  await db.$executeRaw`INSERT INTO "ClientModule" ("clientId", "moduleId")
    SELECT c."id", m."id" FROM "Client" c CROSS JOIN "Module" m WHERE m."key" = ANY(${alwaysOn}::text[])
    ON CONFLICT DO NOTHING`;
}

export interface FirstAdmin {
  email: string;
  /** Set only when the password was generated here: shown once. */
  generatedPassword?: string;
}

export async function ensureFirstEnterpriseAdmin(db: EnterpriseDb, opts: { email?: string; password?: string; dataDir: string }): Promise<FirstAdmin | null> {
  if ((await db.enterpriseAdmin.count()) > 0) return null;
  const email = (opts.email ?? "admin@bisman.local").toLowerCase();
  const generatedPassword = opts.password ? undefined : randomBytes(15).toString("base64url");
  const password = opts.password ?? generatedPassword!;
  await db.enterpriseAdmin.create({ data: { email, name: "Enterprise admin", passwordHash: await hashPassword(password) } });
  if (generatedPassword) {
    writeFileSync(path.join(opts.dataDir, "initial-admin-password"), `${email}\n${generatedPassword}\n`, { mode: 0o600 });
  }
  return { email, generatedPassword };
}

export interface BootstrapOptions {
  databaseUrl: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  db: EnterpriseDb;
  /** Also bring every tenant database to the latest client migration (the single-node default does). */
  migrateClients?: boolean;
}

export interface BootstrapResult {
  firstAdmin: FirstAdmin | null;
  enterpriseVersion: string | null;
  clients?: MigrateClientsSummary;
}

export async function bootstrap(opts: BootstrapOptions): Promise<BootstrapResult> {
  await ensureDatabase(opts.databaseUrl);
  const migrated = await migrateDatabase(opts.databaseUrl, "enterprise");
  await ensureDefaultShard(opts.db);
  await ensureModuleCatalogue(opts.db);
  await ensureClientTemplate(opts.databaseUrl);
  const firstAdmin = await ensureFirstEnterpriseAdmin(opts.db, { email: opts.adminEmail, password: opts.adminPassword, dataDir: opts.dataDir });
  // Finish or clean tenants a crash left in PROVISIONING.
  await reconcile({ db: opts.db, enterpriseUrl: opts.databaseUrl, adminUrls: { DATABASE_URL: opts.databaseUrl } });
  // After an upgrade that brings a client migration, tenants answer 503 until they are migrated.
  const clients = opts.migrateClients ? await migrateClients({ db: opts.db, env: { ...process.env, DATABASE_URL: opts.databaseUrl } }) : undefined;
  return { firstAdmin, enterpriseVersion: migrated.version, clients };
}
