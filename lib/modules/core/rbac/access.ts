import { AppError } from "../../../errors";
import { invalidateTenantAccess, onTenantAccessInvalidated } from "../../../tenancy/registry";
import type { ClientDb, TenantContext } from "../../../tenancy/types";
import { tokenIssuedAt } from "../../../edge/jwt";
import { allPermissions, tenantModules } from "../../registry";

// What the acting user may do in a tenant: the union of their roles'
// permissions, keeping only those whose module the tenant has right now
// (a permission counts only while the tenant has its module; core always).

export interface Access {
  userId: string;
  roleIds: string[];
  permissions: ReadonlySet<string>;
}

export function moduleOf(permission: string): string {
  return permission.split(":", 1)[0]!;
}

export function effectivePermissions(granted: Iterable<string>, moduleKeys: readonly string[]): Set<string> {
  const known = new Set<string>();
  for (const m of tenantModules(moduleKeys)) for (const p of Object.keys(m.permissions)) known.add(p);
  const out = new Set<string>();
  for (const p of granted) if (known.has(p)) out.add(p);
  return out;
}

/** What the tenant database says about a user's access; cached per tenant and user (below). */
interface Grant {
  isActive: boolean;
  /** ms since the epoch, or null. */
  sessionsNotBefore: number | null;
  roleIds: string[];
  granted: string[];
  /** effectivePermissions(granted, modules), by the tenant's modules joined with ",". */
  effective: Map<string, ReadonlySet<string>>;
  loadedAt: number;
}

async function readGrant(db: ClientDb, userId: string): Promise<Grant | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      isActive: true,
      sessionsNotBefore: true,
      roles: { select: { roleId: true, role: { select: { permissions: { select: { permission: true } } } } } },
    },
  });
  if (!user) return null;
  return {
    isActive: user.isActive,
    sessionsNotBefore: user.sessionsNotBefore?.getTime() ?? null,
    roleIds: user.roles.map((r) => r.roleId),
    granted: user.roles.flatMap((r) => r.role.permissions.map((p) => p.permission)),
    effective: new Map(),
    loadedAt: Date.now(),
  };
}

function accessFrom(grant: Grant | null, userId: string, tenantModuleKeys: readonly string[], tokenIssuedAt?: number): Access | null {
  if (!grant || !grant.isActive) return null;
  if (grant.sessionsNotBefore !== null && tokenIssuedAt !== undefined && tokenIssuedAt * 1000 < grant.sessionsNotBefore) return null;
  const modulesKey = tenantModuleKeys.join(",");
  let permissions = grant.effective.get(modulesKey);
  if (!permissions) grant.effective.set(modulesKey, (permissions = effectivePermissions(grant.granted, tenantModuleKeys)));
  return { userId, roleIds: grant.roleIds, permissions };
}

/**
 * The user's access, or null when the user does not exist, is deactivated, or the token was
 * issued (iat, seconds) before the user's sessionsNotBefore. Always read from the database.
 */
export async function loadAccess(db: ClientDb, userId: string, tenantModuleKeys: readonly string[], tokenIssuedAt?: number): Promise<Access | null> {
  return accessFrom(await readGrant(db, userId), userId, tenantModuleKeys, tokenIssuedAt);
}

// The per-user access cache: one tenant-database read per user and tenant, then none until something changes.
// Every change to a tenant's users, roles or role permissions calls accessChanged() after it commits, which drops
// the tenant's entries here and, through the registry's Redis channel, on every other instance; a tenant
// invalidation (suspension, modules, archive) drops them too. A read that was running when an invalidation
// landed is used once but not cached (the generation check). ACCESS_CACHE_TTL_MS bounds the life of an entry
// anyway, for changes made by hand in the database.
const ACCESS_CACHE_TTL_MS = 60_000;
const ACCESS_CACHE_MAX_USERS_PER_TENANT = 5_000;

interface AccessCacheState {
  byTenant: Map<string, { generation: number; users: Map<string, Grant> }>;
  unsubscribe: () => void;
}
const g = globalThis as unknown as { bismanAccessCache?: AccessCacheState };

function accessCache(): AccessCacheState {
  if (!g.bismanAccessCache) {
    const byTenant: AccessCacheState["byTenant"] = new Map();
    const unsubscribe = onTenantAccessInvalidated((tenantId) => {
      if (tenantId === "*") {
        for (const t of byTenant.values()) {
          t.generation++;
          t.users.clear();
        }
        return;
      }
      const t = byTenant.get(tenantId);
      if (t) {
        t.generation++;
        t.users.clear();
      }
    });
    g.bismanAccessCache = { byTenant, unsubscribe };
  }
  return g.bismanAccessCache;
}

function tenantEntry(tenantId: string) {
  const { byTenant } = accessCache();
  let t = byTenant.get(tenantId);
  if (!t) byTenant.set(tenantId, (t = { generation: 0, users: new Map() }));
  return t;
}

async function cachedGrant(ctx: TenantContext, userId: string): Promise<Grant | null> {
  const t = tenantEntry(ctx.tenant.id);
  const hit = t.users.get(userId);
  if (hit && Date.now() - hit.loadedAt < ACCESS_CACHE_TTL_MS) return hit;
  const generation = t.generation;
  const grant = await readGrant(ctx.db, userId);
  if (grant && t.generation === generation) {
    if (t.users.size >= ACCESS_CACHE_MAX_USERS_PER_TENANT) t.users.clear();
    t.users.set(userId, grant);
  }
  return grant;
}

/**
 * Call after a change to a tenant's users (active, sessionsNotBefore), user roles, roles or role permissions
 * has committed: every instance forgets the cached access of the tenant's users at once.
 */
export function accessChanged(tenantId: string): Promise<void> {
  return invalidateTenantAccess(tenantId);
}

const cache = new WeakMap<TenantContext, Promise<Access>>();

/**
 * The acting principal's access in ctx's tenant, loaded once per context.
 * Enterprise admins acting on a tenant hold every permission of its modules;
 * super admins those of their modules the tenant also has.
 */
export function actorAccess(ctx: TenantContext): Promise<Access> {
  let p = cache.get(ctx);
  if (!p) {
    p = (async () => {
      const { principal, tenant } = ctx;
      if (principal.kind === "enterprise-admin")
        return { userId: principal.id, roleIds: [], permissions: effectivePermissions(allPermissions(), tenant.modules) };
      if (principal.kind === "super-admin") {
        const modules = tenant.modules.filter((m) => principal.modules.includes(m));
        return { userId: principal.id, roleIds: [], permissions: effectivePermissions(allPermissions(), modules) };
      }
      const access = accessFrom(await cachedGrant(ctx, principal.id), principal.id, tenant.modules, tokenIssuedAt(principal));
      if (!access) throw new AppError("unauthorized", "This account is no longer active.");
      return access;
    })();
    cache.set(ctx, p);
  }
  return p;
}

export async function requirePermission(ctx: TenantContext, permission: string): Promise<void> {
  const access = await actorAccess(ctx);
  if (!access.permissions.has(permission)) throw new AppError("forbidden", `This needs the permission ${permission}.`);
}
