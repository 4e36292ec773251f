import { config } from "../config";
import { createKeyRing, signToken, TokenError, verifyTokenDetailed, type KeyRing, type TokenUse } from "../edge/jwt";
import { AppError } from "../errors";
import type { Principal, PrincipalKind } from "../edge/principal";

// API access tokens and browser session tokens, signed with a key derived from
// AUTH_SECRET (see lib/edge/jwt.ts for the design). AUTH_SECRET_PREVIOUS keeps
// tokens signed before a rotation valid until they expire.

export type { TokenUse } from "../edge/jwt";

/** Short-lived API tokens; browser sessions last a working day. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const SESSION_TTL_SECONDS = 8 * 60 * 60;

let ring: Promise<KeyRing> | undefined;

function keyRing(): Promise<KeyRing> {
  if (!ring) {
    const env = config();
    const previous = (env.AUTH_SECRET_PREVIOUS ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    ring = createKeyRing([env.AUTH_SECRET, ...previous]);
    ring.catch(() => (ring = undefined));
  }
  return ring;
}

/** For tests that change AUTH_SECRET within one process. */
export function resetTokenKeys(): void {
  ring = undefined;
}

export async function issueToken(
  principal: Principal,
  opts: { use?: TokenUse; ttlSeconds?: number; now?: number } = {},
): Promise<{ token: string; expiresAt: string }> {
  const use = opts.use ?? "access";
  const ttlSeconds = opts.ttlSeconds ?? (use === "access" ? ACCESS_TOKEN_TTL_SECONDS : SESSION_TTL_SECONDS);
  const { token, expiresAt } = await signToken(await keyRing(), principal, { use, ttlSeconds, now: opts.now });
  return { token, expiresAt: expiresAt.toISOString() };
}

/** The principal a token names, or AppError("unauthorized"). The reason is never told to the caller. */
export async function verifyToken(token: string, opts: { use?: TokenUse; kinds?: readonly PrincipalKind[] } = {}): Promise<Principal> {
  return (await verifyTokenFull(token, opts)).principal;
}

/** verifyToken, also returning the token's id (jti) and expiry (seconds since the epoch). */
export async function verifyTokenFull(
  token: string,
  opts: { use?: TokenUse; kinds?: readonly PrincipalKind[] } = {},
): Promise<{ principal: Principal; jti: string; exp: number }> {
  try {
    return await verifyTokenDetailed(await keyRing(), token, opts.use ?? "access", { kinds: opts.kinds });
  } catch (err) {
    if (err instanceof TokenError)
      throw new AppError("unauthorized", "The token is missing, invalid or expired.", { headers: { "www-authenticate": 'Bearer error="invalid_token"' } });
    throw err;
  }
}

/**
 * A `sessionsNotBefore` for tokens whose iat (whole seconds) is checked against it.
 * "all": every token issued so far, this second's too (deactivation: nobody signs in while deactivated).
 * "earlier": tokens of earlier seconds only (a password reset: the user's own sign-in right after must work).
 */
export function sessionsNotBefore(which: "all" | "earlier", now = Date.now()): Date {
  return new Date(which === "all" ? Math.ceil((now + 1) / 1000) * 1000 : Math.floor(now / 1000) * 1000);
}
