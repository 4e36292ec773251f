// POST /api/client/auth/login: {email, password} → 200 {token, expiresAt} for a user of the tenant
// named by x-tenant-id (client id or slug) or by the subdomain.
import { loginClientUser, ZLoginRequest } from "@/lib/auth/login";
import { issueToken } from "@/lib/auth/tokens";
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { resolveRequestTenant } from "@/lib/http/tenant";

export const POST = route({ auth: "public", body: ZLoginRequest, rateLimit: false }, async ({ req, body }) => {
  const tenant = await resolveRequestTenant({ headers: req.headers, query: new URL(req.url).searchParams.get("tenant") }, null);
  return issueToken(await loginClientUser(tenant, body, { ip: clientIp(req.headers) }));
});
