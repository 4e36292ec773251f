// Cores of the tenant users page's server actions (see lib/http/action.ts); actions.ts exports the thin "use server" wrappers.
import { createUser } from "@/lib/erp/users/create-user";
import { ZCreateUserRequest } from "@/lib/erp/users/users.types";
import { defineAction } from "@/lib/http/action";

export const createUserCore = defineAction({ auth: "client-user", permission: "core:users:write", input: ZCreateUserRequest }, ({ ctx, input }) => createUser(ctx!, input));
