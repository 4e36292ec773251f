import NextAuth, { CredentialsSignin, type User } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { loginAdmin, loginClientUser, ZLoginRequest } from "./lib/auth/login";
import type { Principal } from "./lib/edge/principal";
import { currentSessionCookieName, secureCookies } from "./lib/auth/session";
import { revokeSession } from "./lib/auth/revocation";
import { isTenantRequest } from "./lib/auth/admin-host";
import { issueToken, SESSION_TTL_SECONDS, verifyTokenFull } from "./lib/auth/tokens";
import { config } from "./lib/config";
import { sessionCookieOptions } from "./lib/edge/cookies";
import { EDGE_TENANT_HEADER } from "./lib/edge/tenant";
import { AppError } from "./lib/errors";
import { log } from "./lib/observability/log";
import { clientIp } from "./lib/http/request";
import { resolveRequestTenant } from "./lib/tenancy/request-tenant";

// Browser sessions (next-auth v5, Credentials + JWT strategy), used only through
// server actions (signIn/signOut below); there is no /api/auth/* route.
//
// The session cookie holds OUR token (lib/auth/tokens, typ "bisman-session+jwt"),
// not next-auth's encrypted JWE: one verifier for bearer tokens and sessions,
// the same claims in both, and a cookie that can never pass as an API token or
// the other way round. The cookie is host-only (next-auth sets no Domain unless
// told to), HttpOnly, SameSite=Lax, Secure with the __Host- prefix in production.
//
// Two providers: "admin" (enterprise or super admin, apex host only) and
// "tenant" (a user of the tenant the request's host names).

class RateLimited extends CredentialsSignin {
  override code = "rate_limited";
}

type SessionUser = User & { principal: Principal };

async function authorizeWith(
  request: Request,
  credentials: Partial<Record<string, unknown>>,
  login: (input: { email: string; password: string }, ip: string) => Promise<Principal>,
): Promise<SessionUser | null> {
  const parsed = ZLoginRequest.safeParse({ email: credentials.email, password: credentials.password });
  if (!parsed.success) return null;
  try {
    const principal = await login(parsed.data, clientIp(request.headers));
    return { id: principal.id, email: principal.email, name: principal.name, principal };
  } catch (err) {
    if (err instanceof AppError && err.code === "rate_limited") throw new RateLimited();
    if (err instanceof AppError && ["unauthorized", "not_found", "bad_request", "forbidden", "locked"].includes(err.code)) return null;
    throw err;
  }
}

export const { signIn, signOut } = NextAuth(() => {
  const secure = secureCookies();
  return {
    secret: config().AUTH_SECRET,
    trustHost: true,
    // A refused sign-in is an answer, not a server error; other errors are logged without their details' secrets.
    logger: {
      error: (error: Error) => {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        log.error("next-auth error", { err: error });
      },
      warn: (code: string) => log.warn("next-auth warning", { code }),
      debug: () => undefined,
    },
    session: { strategy: "jwt", maxAge: SESSION_TTL_SECONDS },
    pages: { signIn: "/admin/sign-in", error: "/admin/sign-in" },
    cookies: { sessionToken: { name: currentSessionCookieName(), options: sessionCookieOptions(secure) } },
    jwt: {
      maxAge: SESSION_TTL_SECONDS,
      async encode({ token, salt, maxAge }) {
        const principal = (token as { principal?: Principal } | undefined)?.principal;
        if (salt !== currentSessionCookieName() || !principal) throw new Error("only session tokens are issued here");
        return (await issueToken(principal, { use: "session", ttlSeconds: maxAge ?? SESSION_TTL_SECONDS })).token;
      },
      async decode({ token, salt }) {
        if (!token || salt !== currentSessionCookieName()) return null;
        try {
          const { principal, jti, exp } = await verifyTokenFull(token, { use: "session" });
          return { principal, jti, exp };
        } catch {
          return null;
        }
      },
    },
    events: {
      // Sign-out clears the cookie; revoking the token's id also kills any copy of it.
      async signOut(message) {
        const token = "token" in message ? (message.token as { jti?: unknown; exp?: unknown } | null) : null;
        if (token && typeof token.jti === "string" && typeof token.exp === "number") await revokeSession(token.jti, token.exp);
      },
    },
    callbacks: {
      jwt: ({ token, user }) => (user ? { principal: (user as SessionUser).principal } : token),
    },
    providers: [
      Credentials({
        id: "admin",
        credentials: { email: {}, password: {} },
        authorize: (credentials, request) => {
          // The admin console lives on the apex: never mint an admin session on a tenant's host.
          if (isTenantRequest(request.headers)) return null;
          return authorizeWith(request, credentials, (input, ip) => loginAdmin(input, { ip }));
        },
      }),
      Credentials({
        id: "tenant",
        credentials: { email: {}, password: {} },
        authorize: (credentials, request) =>
          authorizeWith(request, credentials, async (input, ip) => {
            // Outside production the edge's ?tenant= choice on the apex arrives as its header; the resolver ignores it in production.
            const tenant = await resolveRequestTenant({ headers: request.headers, query: request.headers.get(EDGE_TENANT_HEADER) }, null);
            return loginClientUser(tenant, input, { ip });
          }),
      }),
    ],
  };
});
