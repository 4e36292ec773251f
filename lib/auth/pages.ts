import { notFound, redirect } from "next/navigation";
import { config, isProduction } from "../config";
import { EDGE_TENANT_HEADER, parseHost } from "../edge/tenant";
import { AppError } from "../errors";
import { actorAccess } from "../erp/rbac/access";
import { withTenantContext } from "../tenancy/connections";
import { getTenant } from "../tenancy/registry";
import type { TenantRecord } from "../tenancy/types";
import type { ClientUserPrincipal, Principal } from "./principal";
import { assertAdminActive } from "./active";
import { optionalPrincipal } from "./session";

// Node-side checks for pages (server components). Middleware may have been
// skipped, so nothing here trusts it: the tenant page's [tenant] segment must
// be the host's own subdomain (outside production, or the edge's ?tenant=
// choice on the apex), and the session must be a client user of that tenant
// who is still active in its database.

export interface TenantPage {
  tenant: TenantRecord;
  principal: ClientUserPrincipal | null;
}

export async function tenantPage(param: string, headers: Headers): Promise<TenantPage> {
  const env = config();
  const slug = decodeURIComponent(param).toLowerCase();
  const host = parseHost(headers.get("host"), env.APP_DOMAIN);
  const fromHost = host.kind === "tenant" && host.slug === slug;
  const fromDevQuery = !isProduction(env) && host.kind !== "tenant" && headers.get(EDGE_TENANT_HEADER) === slug;
  if (!fromHost && !fromDevQuery) notFound();
  const tenant = await getTenant(slug);
  if (!tenant || (tenant.status !== "ACTIVE" && tenant.status !== "SUSPENDED")) notFound();
  if (tenant.status !== "ACTIVE") return { tenant, principal: null };

  const p = await optionalPrincipal(headers);
  if (!p || p.kind !== "client-user" || p.tenantId !== tenant.id) return { tenant, principal: null };
  const active = await withTenantContext(tenant, p, (ctx) => actorAccess(ctx).then(() => true, () => false));
  return { tenant, principal: active ? p : null };
}

export type AdminPrincipal = Extract<Principal, { kind: "enterprise-admin" | "super-admin" }>;

/** The signed-in enterprise or super admin, still active; otherwise a redirect to the admin sign-in. */
export async function requireAdmin(headers: Headers): Promise<AdminPrincipal> {
  const p = await currentAdmin(headers);
  if (!p) redirect("/admin/sign-in");
  return p;
}

export async function currentAdmin(headers: Headers): Promise<AdminPrincipal | null> {
  if (parseHost(headers.get("host"), config().APP_DOMAIN).kind === "tenant") return null;
  const p = await optionalPrincipal(headers);
  if (!p || (p.kind !== "enterprise-admin" && p.kind !== "super-admin")) return null;
  // The same check as every API request: active now, and (super admins) the session not from before a deactivation.
  return assertAdminActive(p).then(
    () => p,
    (err: unknown) => {
      if (err instanceof AppError && err.code === "unauthorized") return null;
      throw err;
    },
  );
}
