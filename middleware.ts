import { NextResponse, type NextRequest } from "next/server";
import { decideEdge } from "./lib/edge/route-request";
import { contentSecurityPolicy, newNonce, staticSecurityHeaders } from "./lib/edge/security-headers";

// Edge middleware (Next 16 still runs a root middleware.ts on the edge runtime).
// It has no authority: it resolves the tenant, rewrites tenant-host pages to
// /t/<tenant>/…, hides /t/… and drops spoofed internal headers. Every page,
// route handler and server action re-checks on the Node side.
//
// Why the matcher skips /api/*: route handlers do the whole resolution
// themselves (lib/http/tenant.ts) with the same pure resolver, after verifying
// the token once. Running middleware there would add a second pass over every
// API request, and verifying the JWT here too would verify it twice; FACTS.md
// measured that at ~40% of API throughput for no added safety (middleware can be
// skipped, CVE-2025-29927, so the Node side must not rely on it anyway). The
// Node side ignores incoming internal headers except to refuse a disagreement.
// Static assets (_next/*, files) need no tenant either.

export const config = {
  matcher: ["/((?!api(?:/|$)|_next/|favicon\\.ico$|robots\\.txt$|.*\\.(?:png|jpg|jpeg|gif|svg|ico|webp|css|js|map|txt|woff2?)$).*)"],
};

export function middleware(req: NextRequest): NextResponse {
  const production = process.env.NODE_ENV === "production";
  // A fresh nonce per request: in the response's policy, and in the request's so that Next puts it on its scripts.
  const policy = contentSecurityPolicy(newNonce(), production);
  const res = decide(req, production, policy);
  res.headers.set("content-security-policy", policy);
  for (const [k, v] of Object.entries(staticSecurityHeaders(production))) res.headers.set(k, v);
  return res;
}

function decide(req: NextRequest, production: boolean, policy: string): NextResponse {
  const decision = decideEdge({ url: req.nextUrl, headers: req.headers, appDomain: (process.env.APP_DOMAIN || "localhost").toLowerCase(), production });
  switch (decision.action) {
    case "deny":
      return new NextResponse(
        JSON.stringify({
          type: "about:blank",
          title: decision.status === 404 ? "Not found" : decision.status === 400 ? "Bad request" : "Forbidden",
          status: decision.status,
          detail: decision.detail,
        }),
        {
          status: decision.status,
          headers: { "content-type": "application/problem+json", "cache-control": "no-store" },
        },
      );
    case "rewrite": {
      const url = req.nextUrl.clone();
      url.pathname = decision.pathname;
      decision.headers.set("content-security-policy", policy);
      return NextResponse.rewrite(url, { request: { headers: decision.headers } });
    }
    case "next":
      decision.headers.set("content-security-policy", policy);
      return NextResponse.next({ request: { headers: decision.headers } });
  }
}
