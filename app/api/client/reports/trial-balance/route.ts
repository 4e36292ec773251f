// GET /api/client/reports/trial-balance?asOf=YYYY-MM-DD (default today, UTC): per-account debits, credits and balance of POSTED entries, with grand totals (ledger:reports:read).
import { route } from "@/lib/http/handler";
import { trialBalance, ZTrialBalanceQuery } from "@/lib/erp/ledger/trial-balance";

export const GET = route({ auth: "client-user", permission: "ledger:reports:read", query: ZTrialBalanceQuery }, async ({ ctx, query }) => trialBalance(ctx, query));
