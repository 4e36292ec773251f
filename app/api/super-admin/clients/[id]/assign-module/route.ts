// POST /api/super-admin/clients/:id/assign-module: {module} → 200 {id, modules}. Idempotent.
// Another super admin's client → 404; a module the caller does not hold → 403; unknown module → 422.
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { assignModule, ZAssignedClientParams, ZAssignModuleRequest } from "@/lib/super-admin";

export const POST = route({ auth: "super-admin", params: ZAssignedClientParams, body: ZAssignModuleRequest }, async ({ req, params, body, principal }) =>
  assignModule(principal, params.id, body, { ip: clientIp(req.headers) }),
);
