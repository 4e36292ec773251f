import { randomUUID } from "node:crypto";
import { hashPassword } from "../auth/password";
import { appendEnterpriseAudit } from "../audit";
import { encrypt, randomSecret } from "../crypto";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError, parseWith } from "../errors";
import { seedTenantRbac } from "../modules/core/rbac/seed";
import { alwaysOnModules } from "../modules/registry";
import { Prisma } from "../generated/enterprise/client.ts";
import { log } from "../observability/log";
import { config } from "../config";
import { invalidateTenant } from "../tenancy/registry";
import { pickShard } from "../tenancy/shards";
import { hardenServer, resolveAdminUrl, withShardAdmin, type AdminUrlOverrides } from "./admin";
import { withIdempotency } from "./idempotency";
import {
  applyGrants,
  type DatabaseOrigin,
  type DatabaseStrategy,
  dropResources,
  ensureDatabase,
  ensureRole,
  ownerMarker,
  runtimeUri,
  tenantDbName,
  tenantRoleName,
  withAdminTenantDb,
} from "./resources";
import { ZCreateClientRequest, type CreateClientRequest, type CreateClientResponse } from "./schemas";
import { issueSetupToken, setupLink } from "../auth/setup-link";
import { assertValidSlug, slugFromName } from "./slug";
import { safeError } from "./safe-error";
import { replenishSpares, spareScope } from "./spares";
import { PROVISION_LOCK, recordStep, type ProvisionStep } from "./steps";

// POST /api/enterprise/clients/create, as a service: validates (422 before any
// SQL), then provisions step by step, recording each step on the Client row
// while it is PROVISIONING, under an advisory lock that tells reconcile the
// provisioner is alive. Any failure compensates (drops what was made), marks
// the client FAILED with a reason and answers 500 without internals.

export interface Actor {
  type: "enterprise-admin" | "system";
  id: string | null;
  ip?: string | null;
}

export interface CreateClientOptions extends AdminUrlOverrides {
  db?: EnterpriseDb;
  idempotencyKey?: string | null;
  /** Benchmarks only: "clone" skips spares, "migrations" builds the database the seed's way. */
  databaseStrategy?: DatabaseStrategy;
  /** Benchmarks only: told how the database was made. */
  onDatabase?: (origin: DatabaseOrigin) => void;
  /** Called after each recorded step (tests kill the process here). */
  onStep?: (step: ProvisionStep, clientId: string) => void | Promise<void>;
}

export interface CreateClientResult {
  status: 201;
  body: CreateClientResponse;
  replayed: boolean;
}

export async function createClient(input: unknown, actor: Actor, opts: CreateClientOptions = {}): Promise<CreateClientResult> {
  const db = opts.db ?? enterpriseDb();
  const req = parseWith(ZCreateClientRequest, input);
  const slug = req.slug ?? slugFromName(req.name);
  assertValidSlug(slug);
  const moduleIds = await resolveModules(db, req.modules);
  if (req.superAdminId && !(await db.superAdmin.findUnique({ where: { id: req.superAdminId }, select: { id: true } }))) {
    throw new AppError("validation_failed", "Unknown super admin.", { fields: [{ path: "superAdminId", message: "no such super admin" }] });
  }
  const result = await withIdempotency(db, { scope: `clients.create:${actor.id ?? actor.type}`, key: opts.idempotencyKey, request: req }, async () => ({
    status: 201 as const,
    body: await provision(db, req, slug, moduleIds, actor, opts),
  }));
  return { status: 201, body: result.body, replayed: result.replayed };
}

/** The modules' ids: those asked for (all when none are named), always with the always-on ones (core). */
async function resolveModules(db: EnterpriseDb, keys: string[] | undefined): Promise<string[]> {
  const all = await db.module.findMany({ select: { id: true, key: true } });
  if (!keys) return all.map((m) => m.id);
  const unknown = keys.filter((k) => !all.some((m) => m.key === k));
  if (unknown.length) throw new AppError("validation_failed", "Unknown modules.", { fields: [{ path: "modules", message: `unknown: ${unknown.join(", ")}` }] });
  const wanted = new Set([...alwaysOnModules(), ...keys]);
  return all.filter((m) => wanted.has(m.key)).map((m) => m.id);
}

async function provision(
  db: EnterpriseDb,
  req: CreateClientRequest,
  slug: string,
  moduleIds: string[],
  actor: Actor,
  opts: CreateClientOptions,
): Promise<CreateClientResponse> {
  const id = randomUUID();
  const dbName = tenantDbName(id);
  const role = tenantRoleName(id);
  const shard = await pickShard(db, req.shardId);
  const adminUrl = resolveAdminUrl(shard, opts);
  const marker = ownerMarker(config().DATABASE_URL);
  await hardenServer(adminUrl, config().DATABASE_URL);
  const spares = spareScope(config().DATABASE_URL);
  // argon2 takes as long as the database clone: run it meanwhile.
  const passwordHash = req.adminPassword ? hashPassword(req.adminPassword) : Promise.resolve(null);
  passwordHash.catch(() => undefined);

  return withShardAdmin(adminUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1, hashtext($2))", [PROVISION_LOCK, id]);
    try {
      await insertClientRow(db, { id, slug, dbName, shardId: shard.id, req, moduleIds });
      const step = async (s: ProvisionStep, data?: Record<string, unknown>) => {
        await recordStep(db, id, s, data);
        await opts.onStep?.(s, id);
      };
      let reached: ProvisionStep = "recorded";
      try {
        await opts.onStep?.("recorded", id); // recorded with the row itself
        const password = randomSecret(32);
        await ensureRole(admin, role, password, marker);
        await step((reached = "role"));
        const origin = await ensureDatabase(admin, dbName, role, marker, { kind: opts.databaseStrategy ?? "template", adminUrl, spares });
        opts.onDatabase?.(origin);
        await step((reached = "database"));
        const seeded = await withAdminTenantDb(adminUrl, dbName, async (tdb) => {
          const schemaVersion = await applyGrants(tdb, role);
          const admin0 = await seedTenantRbac(tdb, {
            email: req.adminEmail,
            name: req.adminName ?? req.adminEmail.split("@")[0]!,
            passwordHash: await passwordHash,
          });
          return { schemaVersion, userId: admin0.userId };
        });
        await step((reached = "seeded"), { schemaVersion: seeded.schemaVersion });
        const sealed = encrypt(runtimeUri(adminUrl, role, password, dbName), id);
        await step((reached = "encrypted"), { encryptedUri: sealed.ciphertext, uriKeyId: sealed.keyId });
        await activate(db, id, actor, { slug, dbName, shardId: shard.id, resumed: false });
        reached = "active";
        await opts.onStep?.("active", id);
        await invalidateTenant(id);
        void replenishSpares(adminUrl, spares); // the next client's database, made off the request path
        const response: CreateClientResponse = { clientId: id, slug, dbName, status: "ACTIVE" };
        if (!req.adminPassword) response.setupLink = setupLink(slug, issueSetupToken(id, seeded.userId));
        return response;
      } catch (err) {
        if (reached === "active") throw err;
        await compensate(db, admin, { id, dbName, role }, reached, err);
        throw new AppError("internal", "The client could not be created; nothing was left behind. Try again.");
      }
    } finally {
      // On a broken connection this fails; the connection is then destroyed, which releases the lock too.
      await admin.query("SELECT pg_advisory_unlock($1, hashtext($2))", [PROVISION_LOCK, id]).catch(() => undefined);
    }
  });
}

async function insertClientRow(
  db: EnterpriseDb,
  a: { id: string; slug: string; dbName: string; shardId: string; req: CreateClientRequest; moduleIds: string[] },
) {
  try {
    await db.$transaction([
      // A FAILED client keeps its slug only until someone creates it again (its objects were dropped).
      db.client.deleteMany({ where: { slug: a.slug, status: "FAILED" } }),
      db.client.create({
        data: {
          id: a.id,
          slug: a.slug,
          name: a.req.name,
          segment: a.req.segment ?? null,
          status: "PROVISIONING",
          provisioningStep: "recorded",
          dbName: a.dbName,
          shardId: a.shardId,
          modules: { create: a.moduleIds.map((moduleId) => ({ moduleId })) },
          ...(a.req.superAdminId ? { superAdmins: { create: [{ superAdminId: a.req.superAdminId }] } } : {}),
        },
      }),
    ]);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "A client with this slug already exists.", { fields: [{ path: "slug", message: "already taken" }] });
    }
    throw err;
  }
}

/** PROVISIONING → ACTIVE and the audit entry, in one enterprise transaction. */
export async function activate(
  db: EnterpriseDb,
  id: string,
  actor: Actor,
  meta: { slug: string; dbName: string; shardId: string; resumed: boolean },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const { count } = await tx.client.updateMany({
      where: { id, status: "PROVISIONING" },
      data: { status: "ACTIVE", provisioningStep: "active", failureReason: null },
    });
    if (count !== 1) throw new Error(`client ${id} is no longer provisioning`);
    await appendEnterpriseAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      ip: actor.ip ?? null,
      action: "client.created",
      targetType: "client",
      targetId: id,
      clientId: id,
      metadata: { slug: meta.slug, dbName: meta.dbName, shardId: meta.shardId, resumedByReconcile: meta.resumed },
    });
  });
}

function safeReason(step: ProvisionStep, err: unknown): string {
  const code = (err as { code?: unknown })?.code;
  return `provisioning failed after step "${step}"${typeof code === "string" ? ` (code ${code})` : ""}`;
}

/** Drops what was made and marks the client FAILED with a reason that holds no internals. */
export async function compensate(
  db: EnterpriseDb,
  admin: import("pg").ClientBase,
  c: { id: string; dbName: string; role: string },
  step: ProvisionStep,
  err: unknown,
): Promise<void> {
  log.error("provisioning failed; compensating", { clientId: c.id, step, err: safeError(err) });
  try {
    await dropResources(admin, c.dbName, c.role);
  } catch (dropErr) {
    // Reconcile retries FAILED clients' leftovers.
    log.error("compensation could not drop the tenant's objects; reconcile will retry", { clientId: c.id, err: safeError(dropErr) });
  }
  await db.client
    .updateMany({
      where: { id: c.id, status: "PROVISIONING" },
      data: { status: "FAILED", failureReason: safeReason(step, err), encryptedUri: null, uriKeyId: null },
    })
    .catch((e) => log.error("could not mark the client FAILED; reconcile will", { clientId: c.id, err: safeError(e) }));
  await appendEnterpriseAudit(db, {
    actorType: "system",
    action: "client.provisioning_failed",
    targetType: "client",
    targetId: c.id,
    clientId: c.id,
    metadata: { step },
  }).catch(() => undefined);
  await invalidateTenant(c.id);
}
