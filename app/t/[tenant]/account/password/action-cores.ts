// Core of the change-password page's server action (see lib/api/action.ts); actions.ts exports the thin "use server" wrapper.
// Any signed-in user of the tenant, for their own account only: no permission beyond being that user.
import { defineAction } from "@/lib/api/action";
import { changePassword, ZChangePasswordRequest } from "@/lib/modules/core/change-password";

export const changePasswordCore = defineAction({ auth: "client-user", input: ZChangePasswordRequest }, ({ ctx, input }) => changePassword(ctx, input));
