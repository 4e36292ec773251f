import { AppError } from "../errors";

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
 * The caller's address for rate-limit keys only: the rightmost X-Forwarded-For
 * entry, i.e. the one our nearest proxy appended (entries to its left are
 * whatever the client sent). Without a proxy, Next fills the header with the
 * socket address only when the client sent none, so a direct client can choose
 * it: per-account limits (lib/auth/login) do not depend on it.
 */
export function clientIp(headers: Headers): string {
  const xff = headers.get("x-forwarded-for");
  if (xff) {
    const parts = xff.split(",").map((p) => p.trim()).filter(Boolean);
    if (parts.length > 0) return parts[parts.length - 1]!;
  }
  return headers.get("x-real-ip")?.trim() || "unknown";
}

export function newRequestId(): string {
  return crypto.randomUUID();
}
