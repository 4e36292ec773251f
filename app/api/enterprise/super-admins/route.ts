// GET /api/enterprise/super-admins: every super admin with modules, segments and assigned client ids → {superAdmins}.
// POST /api/enterprise/super-admins: {email, name, password, segments?, modules?} → 201 the super admin (409 email taken, 422 unknown module).
import { created, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { createSuperAdmin, listSuperAdmins, ZCreateSuperAdminRequest } from "@/lib/enterprise/super-admins";

export const GET = route({ auth: "enterprise-admin" }, async () => ({ superAdmins: await listSuperAdmins() }));

export const POST = route({ auth: "enterprise-admin", body: ZCreateSuperAdminRequest }, async ({ req, body, principal }) =>
  created(await createSuperAdmin(body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) })),
);
