import type { ClientUserPrincipal, Principal } from "../edge/principal";
import { assertAdminActive } from "../auth/active";
import { principalFromHeaders } from "../auth/session";
import { config, isProduction } from "../config";
import { EDGE_TENANT_HEADER } from "../edge/tenant";
import { AppError } from "../errors";
import { kindsOf, type AuthOption, type OnlyClient, type PrincipalFor } from "../http/operation";
import { assertSameOriginHeaders, clientIp } from "../http/request";
import { actorAccess } from "../modules/core/rbac/access";
import { apiRequests } from "../ratelimit";
import { withTenantContext } from "../tenancy/connections";
import type { TenantContext, TenantRecord } from "../tenancy/types";
import { resolveRequestTenant } from "../tenancy/request-tenant";

/*
 * THE security pipeline, one for route handlers (lib/api/router.ts), server
 * actions (lib/api/action.ts) and pages (lib/api/pages.ts):
 *
 *   admit():  same origin (state-changing requests) → authenticate (bearer token or session cookie;
 *             401 without, 403 for another kind) → admins still active → resolve the tenant (token
 *             claim, x-tenant-id, host, the edge's decision: all must agree) and require ACTIVE →
 *             rate limit per user:tenant
 *   enter():  lease the tenant DB → the user still active → permission → your function, with a
 *             typed scope: for "client-user" gates `tenant` and `ctx` are always set.
 *
 * Callers map its AppErrors to their medium: problem+json (routes), { ok: false, problem }
 * (actions), redirects and the product's 404 (pages). Nothing here trusts the edge alone.
 */

export interface Gate<A extends AuthOption = AuthOption> {
  auth: A;
  /** A tenant RBAC permission: only client users (or admins acting in a tenant) can hold one. */
  permission?: string;
  /** false: no per-user limit (sign-in has its own). */
  rateLimit?: false;
}

export interface Caller {
  method: string;
  headers: Headers;
  /** The dev-only ?tenant= choice, when the caller has one. */
  tenantQuery: string | null;
}

export interface Admission<A extends AuthOption> {
  principal: PrincipalFor<A>;
  tenant: OnlyClient<A, TenantRecord>;
  /** The client's address (audit entries and rate limits). */
  ip: string;
}

export interface Scope<A extends AuthOption> extends Admission<A> {
  ctx: OnlyClient<A, TenantContext>;
}

/** Who is calling, for which tenant, and may they call at all. */
export async function admit<A extends AuthOption>(gate: Gate<A>, caller: Caller): Promise<Admission<A>> {
  assertSameOriginHeaders(caller.method, caller.headers);
  const principal = await authenticate(caller.headers, gate.auth);
  const tenant = principal?.kind === "client-user" ? await resolveRequestTenant({ headers: caller.headers, query: caller.tenantQuery }, principal) : undefined;
  if (principal && gate.rateLimit !== false) await rateLimit(principal, tenant);
  return { principal, tenant, ip: clientIp(caller.headers) } as Admission<A>;
}

/** Runs fn inside the admitted tenant (its DB leased for fn's duration) once the permission holds. */
export async function enter<A extends AuthOption, T>(admission: Admission<A>, gate: Gate<A>, fn: (scope: Scope<A>) => Promise<T>): Promise<T> {
  const tenant = admission.tenant as TenantRecord | undefined;
  const run = async (ctx: TenantContext | undefined) => {
    await requirePermissionIn(ctx, gate.permission);
    return fn({ ...admission, ctx } as Scope<A>);
  };
  if (!tenant) return run(undefined);
  return withTenantContext(tenant, admission.principal as ClientUserPrincipal, run, { ip: admission.ip });
}

/** The dev-only tenant choice a server action or page carries: the edge's ?tenant= decision, never in production. */
export function devTenantQuery(headers: Headers): string | null {
  return isProduction(config()) ? null : headers.get(EDGE_TENANT_HEADER);
}

async function authenticate(headers: Headers, auth: AuthOption): Promise<Principal | null> {
  const kinds = kindsOf(auth);
  if (kinds === "public") return null;
  const principal = await principalFromHeaders(headers);
  if (!principal) throw new AppError("unauthorized", "Sign in or send a bearer token.", { headers: { "www-authenticate": "Bearer" } });
  if (!kinds.includes(principal.kind)) throw new AppError("forbidden", "This is not available to your kind of account.");
  await assertAdminActive(principal);
  return principal;
}

export async function rateLimit(principal: Principal, tenant: TenantRecord | undefined): Promise<void> {
  const key = tenant ? `${principal.id}:${tenant.id}` : `${principal.kind}:${principal.id}`;
  const r = await apiRequests().hit(key);
  if (!r.ok) throw new AppError("rate_limited", "Too many requests; slow down.", { headers: { "retry-after": String(Math.ceil(r.resetMs / 1000)) } });
}

// A client user's access is loaded on every entry (deactivation and role changes count at once);
// it is cached per context, so the permission check costs no second query.
async function requirePermissionIn(ctx: TenantContext | undefined, permission: string | undefined): Promise<void> {
  if (ctx) {
    const access = await actorAccess(ctx);
    if (permission && !access.permissions.has(permission)) throw new AppError("forbidden", `This needs the permission ${permission}.`);
    return;
  }
  if (permission) throw new AppError("forbidden", `This needs the permission ${permission}.`);
}
