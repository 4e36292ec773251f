// The browser session cookie. Host-only (no Domain attribute), HttpOnly,
// SameSite=Lax, Path=/; Secure in production, where the `__Host-` prefix makes
// the browser itself refuse a Domain attribute or a non-secure origin. So a
// cookie set on acme.example.com never reaches beta.example.com.

export const SESSION_COOKIE = "bisman.session";
export const SECURE_SESSION_COOKIE = "__Host-bisman.session";

export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
}

/** A cookie's value from a Cookie header (first occurrence), or null. */
export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) {
      const v = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(v);
      } catch {
        return v;
      }
    }
  }
  return null;
}
