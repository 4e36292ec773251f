// PATCH /api/client/accounts/:id: {name?, isActive?} renames or (de)activates an account (ledger:accounts:write). Another tenant's id → 404.
import { route } from "@/lib/http/handler";
import { ZAccountId, ZUpdateAccountRequest } from "@/lib/erp/ledger/accounts.types";
import { updateAccount } from "@/lib/erp/ledger/update-account";

export const PATCH = route({ auth: "client-user", permission: "ledger:accounts:write", params: ZAccountId, body: ZUpdateAccountRequest }, async ({ ctx, params, body }) => updateAccount(ctx, params.id, body));
