import { notFound, redirect } from "next/navigation";
import type { ClientUserPrincipal, Principal } from "../edge/principal";
import { config, isProduction } from "../config";
import { EDGE_TENANT_HEADER, parseHost } from "../edge/tenant";
import { AppError } from "../errors";
import { actorAccess } from "../modules/core/rbac/access";
import { pagePermission } from "../modules/navigation";
import { allPermissions } from "../modules/registry";
import { getTenant } from "../tenancy/registry";
import type { TenantContext, TenantRecord } from "../tenancy/types";
import { admit, devTenantQuery, enter, type Admission, type Gate } from "./pipeline";

// Pages (server components) pass the same security pipeline as the API and
// server actions (lib/api/pipeline.ts); only the outcomes differ: not signed in
// → the sign-in page, a page one may not read → the product's 404 (hide what one
// may not see). Middleware may have been skipped, so nothing here trusts it: the
// [tenant] segment must be the host's own subdomain (outside production, or the
// edge's ?tenant= choice on the apex).

export interface TenantPage {
  tenant: TenantRecord;
  principal: ClientUserPrincipal | null;
}

const CLIENT_PAGE: Gate<"client-user"> = { auth: "client-user", rateLimit: false };

/** The host's tenant (else 404) and its signed-in, still active user (else null). */
export async function tenantPage(param: string, headers: Headers): Promise<TenantPage> {
  const { tenant, admission } = await admitPage(param, headers);
  if (!admission) return { tenant, principal: null };
  const active = await enter(admission, CLIENT_PAGE, async () => true).catch(signedOut);
  return { tenant, principal: active ? admission.principal : null };
}

export interface TenantPageScope<T> {
  tenant: TenantRecord;
  principal: ClientUserPrincipal;
  /** What the user may do here (for the page's buttons and the navigation). */
  permissions: ReadonlySet<string>;
  data: T;
}

/**
 * A tenant page gated by `path` (its navigation item's path on the tenant's host, whose permission it needs), or
 * by a permission for a page outside the navigation, or null (any signed-in user): not signed in → the sign-in
 * page; without the permission → 404; else `load` runs in the tenant (its DB leased for the duration). One lease,
 * one access check.
 */
export async function tenantPageScope<T>(
  param: string,
  headers: Headers,
  path: string | null,
  load: (ctx: TenantContext, permissions: ReadonlySet<string>) => Promise<T>,
): Promise<TenantPageScope<T>> {
  const permission = gatePermission(path);
  const { tenant, admission } = await admitPage(param, headers);
  if (!admission) redirect("/sign-in");
  const view = await enter(admission, CLIENT_PAGE, async ({ ctx }) => {
    const { permissions } = await actorAccess(ctx);
    if (permission && !permissions.has(permission)) return "hidden" as const;
    return { permissions, data: await load(ctx, permissions) };
  }).catch(signedOut);
  if (view === null) redirect("/sign-in");
  if (view === "hidden") notFound();
  return { tenant, principal: admission.principal, ...view };
}

/** The host's tenant, and the pipeline's admission of its signed-in user (null: nobody, or a user of another tenant). */
async function admitPage(param: string, headers: Headers): Promise<{ tenant: TenantRecord; admission: Admission<"client-user"> | null }> {
  const tenant = await hostTenant(param, headers);
  if (tenant.status !== "ACTIVE") return { tenant, admission: null };
  try {
    const admission = await admit(CLIENT_PAGE, { method: "GET", headers, tenantQuery: devTenantQuery(headers) });
    return { tenant, admission: admission.tenant.id === tenant.id ? admission : null };
  } catch (err) {
    if (err instanceof AppError && err.status < 500) return { tenant, admission: null };
    throw err;
  }
}

/**
 * A page's gate: a path ("/ledger/accounts") needs its navigation item's permission; a page outside the
 * navigation (a form such as "/contacts/new") names its permission; null: any signed-in user. Either must be
 * known, so a typo never leaves a page open.
 */
function gatePermission(gate: string | null): string | undefined {
  if (gate === null) return undefined;
  if (gate.startsWith("/")) return pagePermission(gate);
  if (!allPermissions().includes(gate)) throw new Error(`${gate} is no permission of any module`);
  return gate;
}

/** A user deactivated (or whose sessions ended) since the token was issued: treated as signed out. */
function signedOut(err: unknown): null {
  if (err instanceof AppError && err.code === "unauthorized") return null;
  throw err;
}

async function hostTenant(param: string, headers: Headers): Promise<TenantRecord> {
  const env = config();
  const slug = decodeURIComponent(param).toLowerCase();
  const host = parseHost(headers.get("host"), env.APP_DOMAIN);
  const fromHost = host.kind === "tenant" && host.slug === slug;
  const fromDevQuery = !isProduction(env) && host.kind !== "tenant" && headers.get(EDGE_TENANT_HEADER) === slug;
  if (!fromHost && !fromDevQuery) notFound();
  const tenant = await getTenant(slug);
  if (!tenant || (tenant.status !== "ACTIVE" && tenant.status !== "SUSPENDED")) notFound();
  return tenant;
}

export type AdminPrincipal = Extract<Principal, { kind: "enterprise-admin" | "super-admin" }>;

const ADMIN_PAGE: Gate<readonly ["enterprise-admin", "super-admin"]> = { auth: ["enterprise-admin", "super-admin"], rateLimit: false };

/** The signed-in enterprise or super admin, still active; otherwise a redirect to the admin sign-in. */
export async function requireAdmin(headers: Headers): Promise<AdminPrincipal> {
  const p = await currentAdmin(headers);
  if (!p) redirect("/admin/sign-in");
  return p;
}

/** The same checks as every API request (active now; super admins: the session not from before a deactivation). */
export async function currentAdmin(headers: Headers): Promise<AdminPrincipal | null> {
  if (parseHost(headers.get("host"), config().APP_DOMAIN).kind === "tenant") return null;
  try {
    return (await admit(ADMIN_PAGE, { method: "GET", headers, tenantQuery: null })).principal;
  } catch (err) {
    if (err instanceof AppError && (err.code === "unauthorized" || err.code === "forbidden")) return null;
    throw err;
  }
}
