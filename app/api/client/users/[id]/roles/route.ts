// POST /api/client/users/:id/roles: {roles: roleId[]} replaces the user's roles (core:users:write). Another tenant's user id → 404.
import { route } from "@/lib/http/handler";
import { setUserRoles } from "@/lib/erp/users/set-user-roles";
import { ZSetUserRolesRequest, ZUserId } from "@/lib/erp/users/users.types";

export const POST = route({ auth: "client-user", permission: "core:users:write", params: ZUserId, body: ZSetUserRolesRequest }, async ({ ctx, params, body }) =>
  setUserRoles(ctx, params.id, body),
);
