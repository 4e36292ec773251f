// GET /api/client/accounts: the chart of accounts, by code (ledger:accounts:read).
// POST /api/client/accounts: {code, name, type, parentId?} → 201 the account (ledger:accounts:write; duplicate code → 409, bad parent → 422).
import { created, route } from "@/lib/http/handler";
import { ZCreateAccountRequest } from "@/lib/erp/ledger/accounts.types";
import { createAccount } from "@/lib/erp/ledger/create-account";
import { listAccounts } from "@/lib/erp/ledger/list-accounts";

export const GET = route({ auth: "client-user", permission: "ledger:accounts:read" }, async ({ ctx }) => ({ accounts: await listAccounts(ctx) }));

export const POST = route({ auth: "client-user", permission: "ledger:accounts:write", body: ZCreateAccountRequest }, async ({ ctx, body }) => created(await createAccount(ctx, body)));
