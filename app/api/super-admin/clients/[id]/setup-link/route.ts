// POST /api/super-admin/clients/:id/setup-link[?email=] → 201 {setupLink, email, expiresAt}: for an assigned client, a new one-time link for an owner who has not set a password yet. Another client → 404; everyone has a password → 409.
import { created, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { ZSetupLinkQuery } from "@/lib/provisioning";
import { reissueAssignedSetupLink, ZAssignedClientParams } from "@/lib/super-admin";

export const POST = route({ auth: "super-admin", params: ZAssignedClientParams, query: ZSetupLinkQuery }, async ({ req, params, query, principal }) =>
  created(await reissueAssignedSetupLink(principal, params.id, query, { ip: clientIp(req.headers) })),
);
