// GET /api/client/reports/balance-sheet?asOf=YYYY-MM-DD (default today, UTC): assets, liabilities and equity (with current earnings) of POSTED entries; totals and `balanced` (ledger:reports:read).
import { route } from "@/lib/http/handler";
import { balanceSheet } from "@/lib/erp/ledger/balance-sheet";
import { ZBalanceSheetQuery } from "@/lib/erp/ledger/reports.types";

export const GET = route({ auth: "client-user", permission: "ledger:reports:read", query: ZBalanceSheetQuery }, async ({ ctx, query }) => balanceSheet(ctx, query));
