import type { ClientUserPrincipal } from "../edge/principal";
import { config, isProduction } from "../config";
import { EDGE_TENANT_HEADER, resolveTenant } from "../edge/tenant";
import { AppError } from "../errors";
import { getTenant } from "./registry";
import type { TenantRecord } from "./types";

// The Node side's own tenant decision. Middleware may not have run (it does
// not run on /api/*, and can be skipped: CVE-2025-29927), so this recomputes
// everything with the same pure resolver, then checks against the registry:
// every source the request carries must name this record, the token's
// tenant_id included, and so must the edge's decision when one is present.

export interface TenantRequest {
  headers: Headers;
  /** ?tenant= (ignored in production by the resolver). */
  query?: string | null;
}

export async function resolveRequestTenant(req: TenantRequest, principal: ClientUserPrincipal | null): Promise<TenantRecord> {
  const env = config();
  const r = resolveTenant({
    claim: principal ? { id: principal.tenantId, slug: principal.tenantSlug } : null,
    header: req.headers.get("x-tenant-id"),
    host: req.headers.get("host"),
    query: req.query ?? null,
    appDomain: env.APP_DOMAIN,
    production: isProduction(env),
  });
  if (!r.ok) {
    throw r.reason === "invalid"
      ? new AppError(
          "bad_request",
          `The ${r.source === "header" ? "x-tenant-id header" : r.source === "query" ? "tenant parameter" : "token"} does not name a tenant.`,
        )
      : new AppError("forbidden", "The request names more than one tenant.");
  }
  if (!r.tenant) throw new AppError("bad_request", "No tenant: use the tenant's address or send an x-tenant-id header.");
  const record = await getTenant(r.tenant.value);
  if (!record) throw new AppError("not_found", "No such client.");
  for (const { ref } of r.refs) {
    if ((ref.by === "id" ? record.id : record.slug) !== ref.value) throw new AppError("forbidden", "The request names more than one tenant.");
  }
  if (principal && (principal.tenantId !== record.id || principal.tenantSlug !== record.slug)) {
    throw new AppError("forbidden", "The token belongs to another tenant.");
  }
  const edge = req.headers.get(EDGE_TENANT_HEADER);
  if (edge !== null && edge !== record.slug && edge !== record.id) throw new AppError("forbidden", "The request names more than one tenant.");
  assertActive(record);
  return record;
}

export function assertActive(tenant: TenantRecord): void {
  switch (tenant.status) {
    case "ACTIVE":
      return;
    case "SUSPENDED":
      throw new AppError("locked", "This client is suspended.");
    case "PROVISIONING":
      throw new AppError("unavailable", "This client is still being set up.", { headers: { "retry-after": "1" } });
    default:
      throw new AppError("not_found", "No such client.");
  }
}
