import { readCookie, SECURE_SESSION_COOKIE, SESSION_COOKIE } from "./cookies";
import { unverifiedTenantClaim } from "./jwt";
import { EDGE_TENANT_HEADER, INTERNAL_HEADERS, resolveTenant } from "./tenant";

// What the middleware does with one page request, as a pure function (unit-
// tested without Next): drop internal headers, resolve the tenant, then
// rewrite, pass through or refuse. Edge-safe.

export type EdgeDecision =
  | { action: "next"; headers: Headers }
  | { action: "rewrite"; pathname: string; headers: Headers }
  | { action: "deny"; status: 400 | 403 | 404; detail: string };

export interface EdgeInput {
  url: URL;
  headers: Headers;
  appDomain: string;
  production: boolean;
}

/** Paths of the tenant app: only reachable through the rewrite. */
export const TENANT_APP_PREFIX = "/t";

export function decideEdge({ url, headers, appDomain, production }: EdgeInput): EdgeDecision {
  const path = url.pathname;
  if (path === TENANT_APP_PREFIX || path.startsWith(`${TENANT_APP_PREFIX}/`)) return { action: "deny", status: 404, detail: "Not found." };

  const clean = new Headers(headers);
  for (const h of INTERNAL_HEADERS) clean.delete(h);

  // The session claim is read unverified: it can only make its own holder's request fail
  // (deny-only), never select a tenant for a page. The Node side verifies the token.
  const cookies = headers.get("cookie");
  const claim = unverifiedTenantClaim(readCookie(cookies, SECURE_SESSION_COOKIE) ?? readCookie(cookies, SESSION_COOKIE));
  const r = resolveTenant({
    claim,
    header: headers.get("x-tenant-id"),
    host: headers.get("host"),
    query: url.searchParams.get("tenant"),
    appDomain,
    production,
  });
  if (!r.ok)
    return r.reason === "invalid"
      ? { action: "deny", status: 400, detail: "The request does not name a valid tenant." }
      : { action: "deny", status: 403, detail: "The request names more than one tenant." };

  // Pages are selected by host (or, outside production, by ?tenant= on the apex): never by a claim or a header.
  const host = r.refs.find((x) => x.source === "subdomain");
  const query = !production && r.hostKind !== "tenant" ? r.refs.find((x) => x.source === "query") : undefined;
  const selected = host ?? query;
  if (!selected) return { action: "next", headers: clean };
  clean.set(EDGE_TENANT_HEADER, selected.ref.value);
  return { action: "rewrite", pathname: `${TENANT_APP_PREFIX}/${selected.ref.value}${path === "/" ? "" : path}`, headers: clean };
}
