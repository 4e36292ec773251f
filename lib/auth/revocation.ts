import { defaultStore } from "../ratelimit";

// Signed-out browser sessions. A session token is stateless, so signing out
// clears the cookie AND records the token's id as revoked until it would have
// expired: a copy of the cookie taken before sign-out stops working too. The
// record lives in the rate limiter's store (memory, or Redis with REDIS_URL so
// every instance sees it: a plain key with a TTL, not a limiter) and expires
// by itself. With Redis unreachable the check answers 503 (fail closed).

const key = (jti: string) => `revoked-session:${jti}`;

export async function revokeSession(jti: string, exp: number): Promise<void> {
  const ms = exp * 1000 - Date.now();
  if (ms > 0) await defaultStore().mark(key(jti), ms);
}

export async function isSessionRevoked(jti: string): Promise<boolean> {
  return defaultStore().isMarked(key(jti));
}
