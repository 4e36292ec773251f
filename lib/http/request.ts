import { AppError } from "../errors";
import { normalizeIp } from "../config/trusted-proxies";

// Small, framework-free facts about a request.

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method.toUpperCase());
}

/**
 * Refuses a state-changing request that a browser sent from another origin
 * (another tenant's subdomain counts as another origin: same-site is not enough).
 * Requests without Origin/Sec-Fetch-Site (API clients with bearer tokens) pass.
 */
export function assertSameOrigin(req: Request): void {
  assertSameOriginHeaders(req.method, req.headers);
}

export function assertSameOriginHeaders(method: string, headers: Headers): void {
  const req = { headers };
  if (isSafeMethod(method)) return;
  const site = req.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "Cross-origin requests are not accepted here.");
  const origin = req.headers.get("origin");
  if (!origin) return;
  const host = req.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new AppError("forbidden", "Cross-origin requests are not accepted here.");
  }
  if (!host || originHost.toLowerCase() !== host.toLowerCase()) throw new AppError("forbidden", "Cross-origin requests are not accepted here.");
}

/**
 * The caller's address (rate-limit keys, audit entries): the X-Forwarded-For that the server in front of Next
 * (scripts/start.ts → lib/http/front-server.ts) wrote from the socket and TRUSTED_PROXIES, replacing whatever the
 * client sent. Only a well-formed IP address is ever returned; anything else is "unknown", so a client can never
 * store a chosen text (issue 10, finding 2). Running `next start` directly skips that server: see docs/security.md.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  const last = xff
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean)
    .pop();
  return normalizeIp(last) ?? "unknown";
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
