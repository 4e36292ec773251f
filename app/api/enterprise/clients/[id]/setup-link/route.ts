// POST /api/enterprise/clients/:id/setup-link[?email=] → 201 {setupLink, email, expiresAt}: a new one-time link for an
// owner who has not set a password yet (the first link expired or was lost). Everyone has a password → 409.
import { created, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { reissueSetupLink, ZClientParams, ZSetupLinkQuery } from "@/lib/provisioning";

export const POST = route({ auth: "enterprise-admin", params: ZClientParams, query: ZSetupLinkQuery }, async ({ req, params, query, principal }) =>
  created(await reissueSetupLink(params.id, query, { principal, ip: clientIp(req.headers) })),
);
