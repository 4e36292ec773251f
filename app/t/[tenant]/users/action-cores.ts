// Cores of the tenant users page's server actions (see lib/api/action.ts); actions.ts exports the thin "use server" wrappers.
import { z } from "zod";
import { createUser } from "@/lib/modules/core/users/create-user";
import { issuePasswordLink } from "@/lib/modules/core/users/issue-password-link";
import { updateUser } from "@/lib/modules/core/users/update-user";
import { ZCreateUserRequest, ZUserId } from "@/lib/modules/core/users/users.types";
import { defineAction, gateOf } from "@/lib/api/action";

export const createUserCore = defineAction({ ...gateOf("createUser", "client-user"), input: ZCreateUserRequest }, ({ ctx, input }) => createUser(ctx, input));

/** Deactivate or reactivate a user from the users page (the service refuses oneself, the more powerful, and the last Owner). */
export const setUserActiveCore = defineAction(
  { ...gateOf("updateUser", "client-user"), input: ZUserId.extend({ isActive: z.boolean() }).strict() },
  ({ ctx, input }) => updateUser(ctx, input.id, { isActive: input.isActive }),
);

/** A one-time password link (setup or reset) for a user, shown once on the users page. */
export const issuePasswordLinkCore = defineAction({ ...gateOf("issuePasswordLink", "client-user"), input: ZUserId.strict() }, ({ ctx, input }) =>
  issuePasswordLink(ctx, input.id),
);
