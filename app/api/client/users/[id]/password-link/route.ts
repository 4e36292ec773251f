// POST /api/client/users/:id/password-link → 201 {link, email, kind, expiresAt}: a one-time link to set the user's first password (setup, 7 days) or replace a forgotten one (reset, 24 hours) (core:users:write). Another tenant's user id → 404.
import { created, route } from "@/lib/http/handler";
import { issuePasswordLink } from "@/lib/erp/users/issue-password-link";
import { ZUserId } from "@/lib/erp/users/users.types";

export const POST = route({ auth: "client-user", permission: "core:users:write", params: ZUserId }, async ({ ctx, params }) => created(await issuePasswordLink(ctx, params.id)));
