// GET /api/client/reports/income-statement?from=YYYY-MM-DD&to=YYYY-MM-DD (default 1 January … today, UTC): revenue, expenses and net income of POSTED entries (ledger:reports:read).
import { route } from "@/lib/http/handler";
import { incomeStatement } from "@/lib/erp/ledger/income-statement";
import { ZIncomeStatementQuery } from "@/lib/erp/ledger/reports.types";

export const GET = route({ auth: "client-user", permission: "ledger:reports:read", query: ZIncomeStatementQuery }, async ({ ctx, query }) => incomeStatement(ctx, query));
