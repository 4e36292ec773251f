// GET /api/client/roles: system and custom roles with their permissions (core:roles:read).
// POST /api/client/roles: {name, description?, permissions?} → 201 the new custom role (core:roles:write).
import { created, route } from "@/lib/http/handler";
import { createRole } from "@/lib/erp/roles/create-role";
import { listRoles } from "@/lib/erp/roles/list-roles";
import { ZCreateRoleRequest } from "@/lib/erp/roles/roles.types";

export const GET = route({ auth: "client-user", permission: "core:roles:read" }, async ({ ctx }) => ({ roles: await listRoles(ctx) }));

export const POST = route({ auth: "client-user", permission: "core:roles:write", body: ZCreateRoleRequest }, async ({ ctx, body }) => created(await createRole(ctx, body)));
