// The tenant resolver: a pure function of what a request says, shared by the
// edge middleware and the Node-side re-check. Edge-safe (no imports).
//
// Order (ARCHITECTURE): JWT claim tenant_id > x-tenant-id > subdomain of
// APP_DOMAIN > ?tenant= (outside production only). Every source present must
// name the same tenant, else the request is refused. A host that is not
// <slug>.<APP_DOMAIN> (IP addresses, foreign names, deeper subdomains,
// reserved labels) never names a tenant.

export type TenantSource = "claim" | "header" | "subdomain" | "query";
export type TenantRef = { by: "id" | "slug"; value: string };
export type HostKind = "apex" | "tenant" | "other";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Labels that are never a tenant's subdomain (provisioning must refuse them as slugs). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(["www", "app", "api", "admin", "auth", "static", "assets", "cdn", "mail", "status", "t"]);

export function isUuid(v: string): boolean {
  return UUID.test(v);
}
export function isTenantSlug(v: string): boolean {
  return SLUG.test(v) && !UUID.test(v) && !RESERVED_SLUGS.has(v);
}

/** An id or slug as a client wrote it; null when it is neither. */
export function parseTenantRef(raw: string | null | undefined): TenantRef | null {
  if (raw == null) return null;
  const v = raw.trim().toLowerCase();
  if (UUID.test(v)) return { by: "id", value: v };
  if (isTenantSlug(v)) return { by: "slug", value: v };
  return null;
}

export function parseHost(host: string | null | undefined, appDomain: string): { kind: HostKind; slug?: string } {
  if (!host) return { kind: "other" };
  let h = host.trim().toLowerCase();
  if (h.startsWith("[")) return { kind: "other" }; // IPv6 literal
  const colon = h.lastIndexOf(":");
  if (colon !== -1) {
    const port = h.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port)) return { kind: "other" };
    h = h.slice(0, colon);
  }
  if (h.endsWith(".")) h = h.slice(0, -1);
  const domain = appDomain.toLowerCase();
  if (h === domain || h === `www.${domain}`) return { kind: "apex" };
  if (!h.endsWith(`.${domain}`)) return { kind: "other" };
  const label = h.slice(0, -(domain.length + 1));
  if (label.includes(".") || !isTenantSlug(label)) return { kind: "other" };
  return { kind: "tenant", slug: label };
}

export interface ResolveInput {
  /** tenant_id/tenant_slug of a client-user token (verified on the Node side; deny-only at the edge). */
  claim?: { id: string; slug: string } | null;
  /** x-tenant-id header: a client id or slug. */
  header?: string | null;
  /** Host header. */
  host?: string | null;
  /** ?tenant= query parameter. */
  query?: string | null;
  appDomain: string;
  production: boolean;
}

export type Resolution =
  | {
      ok: true;
      /** The highest-priority reference, or null: no tenant. */
      tenant: TenantRef | null;
      source: TenantSource | null;
      hostKind: HostKind;
      refs: ReadonlyArray<{ source: TenantSource; ref: TenantRef }>;
      /** Sources name the tenant both by id and by slug with no claim to link them: the caller must compare records. */
      needsRecordCheck: boolean;
    }
  | { ok: false; reason: "conflict" | "invalid"; source: TenantSource };

function sameTenant(a: TenantRef, b: TenantRef): boolean | undefined {
  return a.by === b.by ? a.value === b.value : undefined;
}

export function resolveTenant(input: ResolveInput): Resolution {
  const refs: { source: TenantSource; ref: TenantRef }[] = [];
  let claim: { id: string; slug: string } | null = null;
  if (input.claim) {
    const id = input.claim.id.toLowerCase();
    const slug = input.claim.slug.toLowerCase();
    if (!UUID.test(id) || !SLUG.test(slug)) return { ok: false, reason: "invalid", source: "claim" };
    claim = { id, slug };
    refs.push({ source: "claim", ref: { by: "id", value: id } });
  }
  if (input.header != null && input.header !== "") {
    const ref = parseTenantRef(input.header);
    if (!ref) return { ok: false, reason: "invalid", source: "header" };
    refs.push({ source: "header", ref });
  }
  const host = parseHost(input.host, input.appDomain);
  if (host.kind === "tenant") refs.push({ source: "subdomain", ref: { by: "slug", value: host.slug! } });
  if (!input.production && input.query != null && input.query !== "") {
    const ref = parseTenantRef(input.query);
    if (!ref) return { ok: false, reason: "invalid", source: "query" };
    refs.push({ source: "query", ref });
  }

  let needsRecordCheck = false;
  for (const { source, ref } of refs) {
    if (claim) {
      const expected = ref.by === "id" ? claim.id : claim.slug;
      if (ref.value !== expected) return { ok: false, reason: "conflict", source };
      continue;
    }
    for (const other of refs) {
      const same = sameTenant(ref, other.ref);
      if (same === false) return { ok: false, reason: "conflict", source };
      if (same === undefined) needsRecordCheck = true;
    }
  }
  const first = refs[0];
  return { ok: true, tenant: first?.ref ?? null, source: first?.source ?? null, hostKind: host.kind, refs, needsRecordCheck };
}

/** Headers only the middleware may set. Incoming copies are dropped at the edge and never trusted on the Node side. */
export const INTERNAL_HEADERS = [
  "x-bisman-tenant",
  "x-bisman-request-id",
  "x-middleware-subrequest",
  "x-middleware-rewrite",
  "x-middleware-next",
  "x-middleware-override-headers",
] as const;
export const EDGE_TENANT_HEADER = "x-bisman-tenant";
