// PUT /api/enterprise/clients/:id: {name?, segment?, status? (ACTIVE|SUSPENDED), superAdminIds?} → 200 the client.
// DELETE /api/enterprise/clients/:id: archive (refused at once, role NOLOGIN, database kept until `npm run purge`) → 200 the client.
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { archiveClient, updateClient, ZClientParams, ZUpdateClientRequest } from "@/lib/provisioning";

export const PUT = route({ auth: "enterprise-admin", params: ZClientParams, body: ZUpdateClientRequest }, async ({ req, params, body, principal }) =>
  updateClient(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
);

export const DELETE = route({ auth: "enterprise-admin", params: ZClientParams }, async ({ req, params, principal }) =>
  archiveClient(params.id, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
);
