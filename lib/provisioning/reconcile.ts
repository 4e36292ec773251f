import { appendEnterpriseAudit } from "../audit";
import { encrypt, masterKeyring, randomSecret } from "../crypto";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { log } from "../observability/log";
import { invalidateTenant } from "../tenancy/registry";
import { getShard } from "../tenancy/shards";
import { resolveAdminUrl, withShardAdmin, type AdminUrlOverrides } from "./admin";
import { activate } from "./create-client";
import { clientIdFromName, dropResources, ensureRole, ownerMarker, resourcesExist, runtimeUri, tenantRoleName } from "./resources";
import { replenishSpares, spareScope } from "./spares";
import { PROVISION_LOCK, stepIndex } from "./steps";

// Finishes or cleans what a crash left behind, so that there is never an
// ACTIVE client without its database and never an orphan database or role:
// - PROVISIONING clients whose provisioner is gone (its advisory lock is free):
//   past the "seeded" step with database and role present → finished (a new role
//   password, URI encrypted, ACTIVE, audited); otherwise → objects dropped, FAILED.
// - FAILED clients: leftover objects dropped (compensation may have failed).
// - Tenant databases/roles marked as this deployment's with no client row → dropped.
// - ACTIVE/SUSPENDED clients without their database are reported (never auto-changed).
// Run by `npm run reconcile` and at start-up (lib/runtime/bootstrap.ts).

export interface ReconcileReport {
  finished: string[];
  cleaned: string[];
  skippedLive: string[];
  failedLeftoversDropped: string[];
  orphansDropped: string[];
  activeWithoutDatabase: string[];
}

export interface ReconcileOptions extends AdminUrlOverrides {
  db?: EnterpriseDb;
  /** The enterprise DB URL (names this deployment's objects); default DATABASE_URL. */
  enterpriseUrl?: string;
}

export async function reconcile(opts: ReconcileOptions = {}): Promise<ReconcileReport> {
  const db = opts.db ?? enterpriseDb();
  const enterpriseUrl = opts.enterpriseUrl ?? opts.adminUrls?.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!enterpriseUrl) throw new Error("reconcile needs the enterprise DATABASE_URL");
  const marker = ownerMarker(enterpriseUrl);
  const report: ReconcileReport = { finished: [], cleaned: [], skippedLive: [], failedLeftoversDropped: [], orphansDropped: [], activeWithoutDatabase: [] };

  const stuck = await db.client.findMany({
    where: { status: "PROVISIONING" },
    select: { id: true, slug: true, dbName: true, shardId: true, provisioningStep: true },
  });
  for (const c of stuck) {
    const adminUrl = resolveAdminUrl(await getShard(c.shardId, db), opts);
    await withShardAdmin(adminUrl, async (admin) => {
      const got = await admin.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [PROVISION_LOCK, c.id]);
      if (!got.rows[0]!.ok) {
        report.skippedLive.push(c.id);
        return;
      }
      try {
        const role = tenantRoleName(c.id);
        const exists = await resourcesExist(admin, c.dbName, role);
        const canFinish = stepIndex(c.provisioningStep) >= stepIndex("seeded") && exists.database && exists.role && hasKey();
        if (canFinish) {
          const password = randomSecret(32);
          await ensureRole(admin, role, password, marker);
          const sealed = encrypt(runtimeUri(adminUrl, role, password, c.dbName), c.id);
          await db.client.update({ where: { id: c.id }, data: { encryptedUri: sealed.ciphertext, uriKeyId: sealed.keyId, provisioningStep: "encrypted" } });
          await activate(db, c.id, { type: "system", id: null }, { slug: c.slug, dbName: c.dbName, shardId: c.shardId, resumed: true });
          report.finished.push(c.id);
        } else {
          await dropResources(admin, c.dbName, role);
          await db.client.update({
            where: { id: c.id },
            data: {
              status: "FAILED",
              encryptedUri: null,
              uriKeyId: null,
              failureReason: `provisioning was interrupted after step "${c.provisioningStep ?? "none"}"; create the client again`,
            },
          });
          await appendEnterpriseAudit(db, {
            actorType: "system",
            action: "client.provisioning_failed",
            targetType: "client",
            targetId: c.id,
            clientId: c.id,
            metadata: { step: c.provisioningStep ?? null, by: "reconcile" },
          });
          report.cleaned.push(c.id);
        }
        await invalidateTenant(c.id);
      } finally {
        await admin.query("SELECT pg_advisory_unlock($1, hashtext($2))", [PROVISION_LOCK, c.id]);
      }
    });
  }

  // Everything else is per shard: compare what the server has with the rows.
  const shards = await db.shard.findMany({ select: { id: true, name: true, adminUrlEnv: true } });
  const rows = await db.client.findMany({ select: { id: true, status: true, dbName: true, shardId: true } });
  const known = new Set(rows.map((r) => r.id));
  for (const shard of shards) {
    let adminUrl: string;
    try {
      adminUrl = resolveAdminUrl(shard, opts);
    } catch {
      log.warn("reconcile: shard has no admin URL configured; skipped", { shard: shard.name });
      continue;
    }
    await withShardAdmin(adminUrl, async (admin) => {
      const marked = async (sql: string) => new Set((await admin.query<{ name: string }>(sql, [marker])).rows.map((r) => r.name));
      const dbs = await marked(`SELECT datname AS name FROM pg_database WHERE datname LIKE 'client\\_%' AND shobj_description(oid, 'pg_database') = $1`);
      const roles = await marked(`SELECT rolname AS name FROM pg_roles WHERE rolname LIKE 'client\\_%' AND shobj_description(oid, 'pg_authid') = $1`);
      const allDbs = new Set((await admin.query<{ name: string }>(`SELECT datname AS name FROM pg_database`)).rows.map((r) => r.name));
      for (const r of rows.filter((x) => x.shardId === shard.id)) {
        if ((r.status === "ACTIVE" || r.status === "SUSPENDED") && !allDbs.has(r.dbName)) report.activeWithoutDatabase.push(r.id);
        if (r.status === "FAILED" && (allDbs.has(r.dbName) || roles.has(tenantRoleName(r.id)))) {
          await dropResources(admin, r.dbName, tenantRoleName(r.id));
          report.failedLeftoversDropped.push(r.id);
        }
      }
      for (const name of new Set([...dbs, ...roles])) {
        const id = clientIdFromName(name);
        if (id === null || known.has(id)) continue;
        await dropResources(admin, name, name); // a tenant's database and role share the name
        report.orphansDropped.push(name);
      }
    });
  }
  // Spares: drop those made before a client migration, top up the rest (awaited: this is maintenance).
  for (const shard of shards) {
    try {
      await replenishSpares(resolveAdminUrl(shard, opts), spareScope(enterpriseUrl));
    } catch {
      /* no admin URL for this shard: reported above */
    }
  }
  for (const id of report.activeWithoutDatabase) log.error("reconcile: client is ACTIVE/SUSPENDED but its database is missing", { clientId: id });
  return report;
}

function hasKey(): boolean {
  try {
    masterKeyring();
    return true;
  } catch {
    return false;
  }
}
