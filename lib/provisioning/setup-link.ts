import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { tenantOrigin } from "../config/origin";

// One-time setup link for a tenant's first admin when no password was given.
// Stateless and still single-use: the token is an HMAC over (tenant, user,
// expiry) with a key derived from AUTH_SECRET, and it is honoured only while
// the user's passwordHash is still null; setting the password spends it.
// (The page that accepts it belongs to the auth side: verify with
// verifySetupToken, require user.passwordHash === null, then set the password.)

export const SETUP_LINK_TTL_SECONDS = 7 * 24 * 3600;

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", config().AUTH_SECRET, "bisman", "setup-link v1", 32));
}

function mac(payload: string): string {
  return createHmac("sha256", key()).update(payload).digest("base64url");
}

export function issueSetupToken(tenantId: string, userId: string, ttlSeconds = SETUP_LINK_TTL_SECONDS, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ttlSeconds;
  const payload = `${tenantId}.${userId}.${exp}`;
  return `${Buffer.from(payload).toString("base64url")}.${mac(payload)}`;
}

/** The tenant and user a setup token names, or null when it is forged or expired. */
export function verifySetupToken(token: string, now = Date.now()): { tenantId: string; userId: string } | null {
  const [body, sig] = token.split(".");
  if (!body || !sig) return null;
  const payload = Buffer.from(body, "base64url").toString("utf8");
  const expected = Buffer.from(mac(payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [tenantId, userId, exp] = payload.split(".");
  if (!tenantId || !userId || !exp || Number(exp) * 1000 < now) return null;
  return { tenantId, userId };
}

export function setupLink(slug: string, token: string): string {
  return `${tenantOrigin(config(), slug)}/setup?token=${encodeURIComponent(token)}`;
}
