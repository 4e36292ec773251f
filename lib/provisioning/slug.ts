import { AppError } from "../errors";

// Slugs become subdomains (<slug>.example.com): lowercase letters, digits and
// single hyphens, 3–40 characters, starting with a letter, never reserved.

export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  "www",
  "admin",
  "api",
  "app",
  "static",
  "assets",
  "mail",
  "smtp",
  "imap",
  "pop",
  "ftp",
  "t",
  "ns",
  "ns1",
  "ns2",
  "mx",
  "postgres",
  "template0",
  "template1",
  "pgbouncer",
  "root",
  "enterprise",
  "super-admin",
  "superadmin",
  "auth",
  "login",
  "logout",
  "signin",
  "signup",
  "register",
  "status",
  "health",
  "metrics",
  "docs",
  "help",
  "support",
  "billing",
  "dashboard",
  "console",
  "cdn",
  "media",
  "files",
  "public",
  "internal",
  "system",
  "localhost",
  "test",
  "dev",
  "staging",
  "prod",
  "bisman",
  "client",
  "clients",
  "tenant",
  "tenants",
  "null",
  "undefined",
  "default",
]);

const SLUG = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Why a slug is not acceptable, or null when it is. */
export function slugProblem(slug: string): string | null {
  if (slug.length < 3 || slug.length > 40) return "must be 3 to 40 characters";
  if (!SLUG.test(slug)) return "must be lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen";
  if (UUID_LIKE.test(slug)) return "must not look like an id";
  if (RESERVED_SLUGS.has(slug)) return "is reserved";
  return null;
}

export function assertValidSlug(slug: string): void {
  const problem = slugProblem(slug);
  if (problem) throw new AppError("validation_failed", `The slug ${problem}.`, { fields: [{ path: "slug", message: problem }] });
}

/** A slug derived from a display name ("Acme Corp." → "acme-corp"); may still be invalid (e.g. too short). */
export function slugFromName(name: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  if (s.length > 0 && s.length < 3) s = `${s}-co`;
  if (RESERVED_SLUGS.has(s)) s = `${s}-co`;
  return s;
}
