// Core of the setup page's server action (see lib/api/action.ts); actions.ts exports the thin "use server" wrapper.
// Public: the visitor has no session, the setup token is the credential. The tenant is the host's own.
import { config, isProduction } from "@/lib/config";
import { EDGE_TENANT_HEADER } from "@/lib/edge/tenant";
import { setInitialPassword, ZSetInitialPasswordRequest } from "@/lib/modules/core/users/set-initial-password";
import { defineAction } from "@/lib/api/action";
import { clientIp } from "@/lib/http/request";
import { resolveRequestTenant } from "@/lib/tenancy/request-tenant";

export const setInitialPasswordCore = defineAction({ auth: "public", input: ZSetInitialPasswordRequest }, async ({ input, headers }) => {
  // Outside production the edge's ?tenant= choice on the apex arrives as its header; the resolver ignores it in production.
  const tenant = await resolveRequestTenant({ headers, query: isProduction(config()) ? null : headers.get(EDGE_TENANT_HEADER) }, null);
  const { email } = await setInitialPassword(tenant, input, { ip: clientIp(headers) });
  // The browser navigates itself (a redirect() inside a server action skips the tenant rewrite: docs/auth.md).
  return { email, redirectTo: `/sign-in?${new URLSearchParams({ email, setup: "done" })}` };
});
