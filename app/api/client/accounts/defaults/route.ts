// POST /api/client/accounts/defaults: creates a minimal standard chart when the tenant has no accounts;
// otherwise changes nothing (idempotent) → {created, accounts} (ledger:accounts:write).
import { route } from "@/lib/http/handler";
import { createDefaultAccounts } from "@/lib/erp/ledger/create-default-accounts";

export const POST = route({ auth: "client-user", permission: "ledger:accounts:write" }, async ({ ctx }) => createDefaultAccounts(ctx));
