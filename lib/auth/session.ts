import { config, isProduction } from "../config";
import { readCookie, sessionCookieName } from "../edge/cookies";
import { AppError } from "../errors";
import type { Principal } from "../edge/principal";
import { isSessionRevoked } from "./revocation";
import { verifyToken, verifyTokenFull } from "./tokens";

// Reading who is signed in from a request's Authorization header or session
// cookie. Used by the route wrapper, the server-action wrapper and pages.

export function secureCookies(): boolean {
  return isProduction(config());
}

export function currentSessionCookieName(): string {
  return sessionCookieName(secureCookies());
}

const BEARER = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+)\s*$/i;

/**
 * The principal a request carries, or null when it carries nothing.
 * A bearer token is an API access token; the cookie is a browser session
 * token; neither is accepted in the other's place. Invalid → 401.
 */
export async function principalFromHeaders(headers: Headers): Promise<Principal | null> {
  const authz = headers.get("authorization");
  if (authz) {
    const m = BEARER.exec(authz);
    if (!m) throw new AppError("unauthorized", "Use Authorization: Bearer <token>.", { headers: { "www-authenticate": 'Bearer error="invalid_request"' } });
    return verifyToken(m[1]!, { use: "access" });
  }
  const cookie = readCookie(headers.get("cookie"), currentSessionCookieName());
  if (!cookie) return null;
  const { principal, jti } = await verifyTokenFull(cookie, { use: "session" });
  if (await isSessionRevoked(jti)) throw new AppError("unauthorized", "This session has ended; sign in again.");
  return principal;
}

/** Like principalFromHeaders, but an invalid or expired session simply means "not signed in" (pages). */
export async function optionalPrincipal(headers: Headers): Promise<Principal | null> {
  try {
    return await principalFromHeaders(headers);
  } catch (err) {
    if (err instanceof AppError && err.code === "unauthorized") return null;
    throw err;
  }
}
