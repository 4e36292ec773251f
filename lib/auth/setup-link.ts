import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { tenantOrigin } from "../config/origin";

// One-time setup link for a tenant's first admin when no password was given.
// Stateless and still single-use: the token is an HMAC over (tenant, user,
// expiry) with a key derived from AUTH_SECRET, and it is honoured only while
// the user's passwordHash is still null; setting the password spends it.
// (The page that accepts it belongs to the auth side: verify with
// verifySetupToken, require user.passwordHash === null, then set the password.)
//
// A password-reset link is the same token with a fourth part: a fingerprint of
// the user's current password hash. It is honoured only while that hash is
// unchanged, so it is spent by the reset itself (or by any other password change).

export const SETUP_LINK_TTL_SECONDS = 7 * 24 * 3600;
export const RESET_LINK_TTL_SECONDS = 24 * 3600;

/** Binds a reset link to the password it replaces (a hash of the stored hash; the token's HMAC keeps it unforgeable). */
export function passwordFingerprint(passwordHash: string): string {
  return createHash("sha256").update(passwordHash).digest("base64url").slice(0, 22);
}

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", config().AUTH_SECRET, "bisman", "setup-link v1", 32));
}

function mac(payload: string): string {
  return createHmac("sha256", key()).update(payload).digest("base64url");
}

export function issueSetupToken(
  tenantId: string,
  userId: string,
  ttlSeconds = SETUP_LINK_TTL_SECONDS,
  now = Date.now(),
  replacesPasswordHash?: string,
): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const payload = `${tenantId}.${userId}.${exp}${replacesPasswordHash ? `.${passwordFingerprint(replacesPasswordHash)}` : ""}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload)}`;
}

/** The tenant and user a setup token names (and, for a reset link, the password it replaces), or null when it is forged or expired. */
export function verifySetupToken(token: string, now = Date.now()): { tenantId: string; userId: string; replaces?: string } | null {
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const payload = Buffer.from(body, "base64url").toString("utf8");
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [tenantId, userId, exp, replaces, ...rest] = payload.split(".");
  if (!tenantId || !userId || !exp || rest.length > 0 || Number(exp) * 1000 < now) return null;
  return replaces ? { tenantId, userId, replaces } : { tenantId, userId };
}

export function setupLink(slug: string, token: string): string {
  return `${tenantOrigin(config(), slug)}/setup?token=${encodeURIComponent(token)}`;
}
