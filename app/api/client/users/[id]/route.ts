// PATCH /api/client/users/:id: {name?, isActive?} renames, deactivates or reactivates a user (core:users:write). Another tenant's user id → 404.
import { route } from "@/lib/http/handler";
import { updateUser } from "@/lib/erp/users/update-user";
import { ZUpdateUserRequest, ZUserId } from "@/lib/erp/users/users.types";

export const PATCH = route({ auth: "client-user", permission: "core:users:write", params: ZUserId, body: ZUpdateUserRequest }, async ({ ctx, params, body }) => updateUser(ctx, params.id, body));
