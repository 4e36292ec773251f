import { config } from "../config";
import { EDGE_TENANT_HEADER, parseHost } from "../edge/tenant";

// The admin console lives on the apex host. Server actions run on whatever page
// they are posted to, so the console's sign-in action can be posted to
// `<tenant>.<APP_DOMAIN>/sign-in`: it is refused there before any password is
// checked or audited (issue 10, finding 6).

export const ADMIN_SIGN_IN_ELSEWHERE = "The admin console signs in on the main host only.";

/** Whether a request is addressed to a tenant: its Host or X-Forwarded-Host names one, or the edge rewrote it to the tenant app. */
export function isTenantRequest(headers: Headers): boolean {
  const domain = config().APP_DOMAIN;
  return (
    headers.has(EDGE_TENANT_HEADER) ||
    [headers.get("host"), headers.get("x-forwarded-host")].some((h) => h !== null && parseHost(h.split(",")[0], domain).kind === "tenant")
  );
}

/** The answer of the admin sign-in action on a tenant's host, or null where it may proceed. */
export function adminSignInRefusal(headers: Headers, email: unknown): { error: string; email: string } | null {
  return isTenantRequest(headers) ? { error: ADMIN_SIGN_IN_ELSEWHERE, email: typeof email === "string" ? email : "" } : null;
}
