import { AppError } from "../../../errors";
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

/**
 * The user's access, or null when the user does not exist, is deactivated, or the token was
 * issued (iat, seconds) before the user's sessionsNotBefore.
 */
export async function loadAccess(db: ClientDb, userId: string, tenantModuleKeys: readonly string[], tokenIssuedAt?: number): Promise<Access | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      isActive: true,
      sessionsNotBefore: true,
      roles: { select: { roleId: true, role: { select: { permissions: { select: { permission: true } } } } } },
    },
  });
  if (!user || !user.isActive) return null;
  if (user.sessionsNotBefore && tokenIssuedAt !== undefined && tokenIssuedAt * 1000 < user.sessionsNotBefore.getTime()) return null;
  const granted = user.roles.flatMap((r) => r.role.permissions.map((p) => p.permission));
  return { userId, roleIds: user.roles.map((r) => r.roleId), permissions: effectivePermissions(granted, tenantModuleKeys) };
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
      const access = await loadAccess(ctx.db, principal.id, tenant.modules, tokenIssuedAt(principal));
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
