// PUT /api/enterprise/super-admins/:id: {name?, segments?, modules?, isActive?} → 200 the super admin.
// isActive: false stops their tokens from the next request on.
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { updateSuperAdmin, ZSuperAdminParams, ZUpdateSuperAdminRequest } from "@/lib/enterprise/super-admins";

export const PUT = route({ auth: "enterprise-admin", params: ZSuperAdminParams, body: ZUpdateSuperAdminRequest }, async ({ req, params, body, principal }) =>
  updateSuperAdmin(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
);
