// GET /api/client/users: the tenant's users with their roles (core:users:read).
// POST /api/client/users: {email, name, password, roles?} → 201 the new user (core:users:write; only roles whose permissions you hold).
import { created, route } from "@/lib/http/handler";
import { createUser } from "@/lib/erp/users/create-user";
import { listUsers } from "@/lib/erp/users/list-users";
import { ZCreateUserRequest } from "@/lib/erp/users/users.types";

export const GET = route({ auth: "client-user", permission: "core:users:read" }, async ({ ctx }) => ({ users: await listUsers(ctx) }));

export const POST = route({ auth: "client-user", permission: "core:users:write", body: ZCreateUserRequest }, async ({ ctx, body }) => created(await createUser(ctx, body)));
