import { SignJWT, jwtVerify, type JWTPayload, type JWTHeaderParameters, type FlattenedJWSInput } from "jose";
import { z } from "zod";
import type { Principal, PrincipalKind } from "./principal";

// Edge-safe token core: Web Crypto + jose only (no node:*), so middleware and
// the Node side share one implementation. lib/auth/tokens.ts binds it to the
// configured AUTH_SECRET; nothing here reads the environment.
//
// Design (each line answers a known attack):
// - HS256 only: `algorithms` is pinned at verification (no `none`, no RS/HS confusion).
// - The signing key is HKDF(AUTH_SECRET) imported once as a CryptoKey; the `kid`
//   header is derived from the secret too, so a rotation (previous secrets kept
//   for verification) needs no bookkeeping. An unknown kid fails verification.
// - `iss` is fixed; `aud` names the principal kind, so a token for one kind is
//   never accepted as another; the `typ` header separates API access tokens
//   from browser session tokens (next-auth token-type confusion, CVE-2023-48309).
// - Claims are parsed with a strict zod schema per kind: a token missing
//   tenant_id cannot become a client user, and extra authority cannot be added.

export const TOKEN_ALG = "HS256";
export const TOKEN_ISSUER = "bisman-erp";
export const AUDIENCES = {
  "enterprise-admin": "bisman:enterprise-admin",
  "super-admin": "bisman:super-admin",
  "client-user": "bisman:client-user",
} as const satisfies Record<PrincipalKind, string>;

export type TokenUse = "access" | "session";
/** `typ` header per use (RFC 9068 names access tokens `at+jwt`). */
export const TOKEN_TYP: Record<TokenUse, string> = { access: "at+jwt", session: "bisman-session+jwt" };

export class TokenError extends Error {
  override name = "TokenError";
}

export interface SigningKey {
  kid: string;
  key: CryptoKey;
}
export interface KeyRing {
  current: SigningKey;
  byKid: ReadonlyMap<string, CryptoKey>;
}

const enc = new TextEncoder();

function base64url(bytes: ArrayBuffer): string {
  let s = "";
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

async function deriveSigningKey(secret: string): Promise<SigningKey> {
  const base = await crypto.subtle.importKey("raw", enc.encode(secret), "HKDF", false, ["deriveBits"]);
  const hkdf = (info: string, bits: number) =>
    crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: enc.encode("bisman-erp/jwt"), info: enc.encode(info) }, base, bits);
  const raw = await hkdf("hs256-signing-key/v1", 256);
  const kid = base64url(await hkdf("kid/v1", 72));
  const key = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  return { kid, key };
}

/** The first secret signs; all of them verify (the rest are previous secrets kept during a rotation). */
export async function createKeyRing(secrets: readonly string[]): Promise<KeyRing> {
  if (secrets.length === 0) throw new TokenError("no signing secret");
  const keys = await Promise.all(secrets.map(deriveSigningKey));
  return { current: keys[0]!, byKid: new Map(keys.map((k) => [k.kid, k.key])) };
}

const base = { sub: z.uuid(), email: z.string().min(1), name: z.string() };
const ClaimSchemas = {
  "enterprise-admin": z.object(base),
  "super-admin": z.object({ ...base, modules: z.array(z.string()) }),
  "client-user": z.object({ ...base, tenant_id: z.uuid(), tenant_slug: z.string().min(1) }),
} as const;

function claimsOf(p: Principal): Record<string, unknown> {
  const common = { email: p.email, name: p.name };
  switch (p.kind) {
    case "enterprise-admin":
      return common;
    case "super-admin":
      return { ...common, modules: p.modules };
    case "client-user":
      return { ...common, tenant_id: p.tenantId, tenant_slug: p.tenantSlug };
  }
}

export async function signToken(
  ring: KeyRing,
  principal: Principal,
  opts: { use: TokenUse; ttlSeconds: number; now?: number },
): Promise<{ token: string; expiresAt: Date }> {
  const now = Math.floor((opts.now ?? Date.now()) / 1000);
  const exp = now + opts.ttlSeconds;
  const token = await new SignJWT(claimsOf(principal))
    .setProtectedHeader({ alg: TOKEN_ALG, kid: ring.current.kid, typ: TOKEN_TYP[opts.use] })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(AUDIENCES[principal.kind])
    .setSubject(principal.id)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(crypto.randomUUID())
    .sign(ring.current.key);
  return { token, expiresAt: new Date(exp * 1000) };
}

const kindByAudience = new Map<string, PrincipalKind>(Object.entries(AUDIENCES).map(([k, a]) => [a, k as PrincipalKind]));

// When each verified principal's token was issued (its iat, in seconds), beside the
// principal rather than in it: a principal is the same value however it was proven.
// A tenant re-checks it against the user's sessionsNotBefore (lib/modules/core/rbac/access.ts).
const issuedAt = new WeakMap<Principal, number>();

/** The iat of the token this principal was verified from (undefined for principals built otherwise). */
export function tokenIssuedAt(principal: Principal): number | undefined {
  return issuedAt.get(principal);
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const principal = principalOf(payload);
  if (typeof payload.iat === "number") issuedAt.set(principal, payload.iat);
  return principal;
}

function principalOf(payload: JWTPayload): Principal {
  const aud = payload.aud;
  const kind = typeof aud === "string" ? kindByAudience.get(aud) : undefined;
  if (!kind) throw new TokenError("unexpected audience");
  const parsed = ClaimSchemas[kind].safeParse(payload);
  if (!parsed.success) throw new TokenError("malformed claims");
  const c = parsed.data as { sub: string; email: string; name: string; modules?: string[]; tenant_id?: string; tenant_slug?: string };
  const id = c.sub;
  switch (kind) {
    case "enterprise-admin":
      return { kind, id, email: c.email, name: c.name };
    case "super-admin":
      return { kind, id, email: c.email, name: c.name, modules: c.modules! };
    case "client-user":
      return { kind, id, email: c.email, name: c.name, tenantId: c.tenant_id!, tenantSlug: c.tenant_slug! };
  }
}

/** Verifies signature, algorithm, kid, typ, iss, aud, exp; returns the principal. Throws TokenError. */
export async function verifyTokenWith(
  ring: KeyRing,
  token: string,
  use: TokenUse,
  opts: { kinds?: readonly PrincipalKind[]; now?: number } = {},
): Promise<Principal> {
  return (await verifyTokenDetailed(ring, token, use, opts)).principal;
}

/** verifyTokenWith, also returning the token's id and expiry (for revocation). */
export async function verifyTokenDetailed(
  ring: KeyRing,
  token: string,
  use: TokenUse,
  opts: { kinds?: readonly PrincipalKind[]; now?: number } = {},
): Promise<{ principal: Principal; jti: string; exp: number }> {
  const audience = (opts.kinds ?? (Object.keys(AUDIENCES) as PrincipalKind[])).map((k) => AUDIENCES[k]);
  const getKey = (header: JWTHeaderParameters, _jws: FlattenedJWSInput) => {
    const key = typeof header.kid === "string" ? ring.byKid.get(header.kid) : undefined;
    if (!key) throw new TokenError("unknown key id");
    return key;
  };
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms: [TOKEN_ALG],
      issuer: TOKEN_ISSUER,
      audience,
      typ: TOKEN_TYP[use],
      requiredClaims: ["exp", "iat", "sub", "jti"],
      clockTolerance: 5,
      ...(opts.now !== undefined ? { currentDate: new Date(opts.now) } : {}),
    });
    if (typeof payload.jti !== "string" || typeof payload.exp !== "number") throw new TokenError("malformed claims");
    return { principal: principalFromClaims(payload), jti: payload.jti, exp: payload.exp };
  } catch (err) {
    if (err instanceof TokenError) throw err;
    throw new TokenError(err instanceof Error ? err.name : "invalid token");
  }
}

/**
 * Reads tenant claims WITHOUT verifying the signature. Only for the edge's
 * deny-only agreement check (a forged claim can only make its own holder's
 * request fail); never use it to grant or select anything.
 */
export function unverifiedTenantClaim(token: string | undefined | null): { id: string; slug: string } | null {
  if (!token) return null;
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const json = JSON.parse(atob(part.replaceAll("-", "+").replaceAll("_", "/")));
    if (json?.aud !== AUDIENCES["client-user"]) return null;
    const id = typeof json.tenant_id === "string" ? json.tenant_id.toLowerCase() : null;
    const slug = typeof json.tenant_slug === "string" ? json.tenant_slug.toLowerCase() : null;
    return id && slug ? { id, slug } : null;
  } catch {
    return null;
  }
}
