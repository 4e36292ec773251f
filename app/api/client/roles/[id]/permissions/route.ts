// POST /api/client/roles/:id/permissions: {permissions} replaces a custom role's permissions (core:roles:write). Another tenant's role id → 404.
import { route } from "@/lib/http/handler";
import { setRolePermissions } from "@/lib/erp/roles/set-role-permissions";
import { ZRoleId, ZSetRolePermissionsRequest } from "@/lib/erp/roles/roles.types";

export const POST = route({ auth: "client-user", permission: "core:roles:write", params: ZRoleId, body: ZSetRolePermissionsRequest }, async ({ ctx, params, body }) =>
  setRolePermissions(ctx, params.id, body),
);
