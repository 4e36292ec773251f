import { created, defineOperation, type Operation } from "../../http/operation";
import { listAccounts } from "./list-accounts";
import { createAccount } from "./create-account";
import { createDefaultAccounts } from "./create-default-accounts";
import { updateAccount } from "./update-account";
import { listEntries } from "./list-entries";
import { createEntry } from "./create-entry";
import { getEntry } from "./get-entry";
import { updateEntry } from "./update-entry";
import { deleteEntry } from "./delete-entry";
import { postEntry } from "./post-entry";
import { voidEntry } from "./void-entry";
import { reverseEntry } from "./reverse-entry";
import { trialBalance } from "./trial-balance";
import { incomeStatement } from "./income-statement";
import { balanceSheet } from "./balance-sheet";
import { ZAccountId, ZCreateAccountRequest, ZUpdateAccountRequest } from "./accounts.types";
import { ZCreateEntryRequest, ZEntryId, ZListEntriesQuery, ZReverseEntryRequest, ZUpdateEntryRequest } from "./entries.types";
import { ZBalanceSheetQuery, ZIncomeStatementQuery } from "./reports.types";
import { ZTrialBalanceQuery } from "./trial-balance";

// The general ledger: /api/client/accounts, /api/client/transactions, /api/client/reports (docs/ledger.md).

const CASH = "0b6f3c2e-9d41-4e7a-8c55-1f2e3d4c5b6a";
const SALES = "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
const ACCOUNT = "{id, code, name, type, parentId, isActive}.";
const ENTRY =
  "The entry: {id, number, date, description, reference, status, createdById, postedAt, createdAt, reversalOfId, reversalOfNumber, reversedById, reversedByNumber, lines, totals}.";
const NO_ENTRY = "no such journal entry in this tenant";
const LINES_422 = "lines name unknown or inactive accounts";
const UNBALANCED = "debits do not equal credits";

export const LEDGER_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/client/accounts",
      operationId: "listAccounts",
      summary: "the chart of accounts, by code (ledger:accounts:read).",
      auth: "client-user",
      permission: "ledger:accounts:read",
      success: { status: 200, description: `{accounts: [${ACCOUNT.slice(0, -1)}]}, by code.` },
    },
    async ({ ctx }) => ({ accounts: await listAccounts(ctx) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/accounts",
      operationId: "createAccount",
      summary: "{code, name, type, parentId?} → 201 the account (ledger:accounts:write; duplicate code → 409, bad parent → 422).",
      auth: "client-user",
      permission: "ledger:accounts:write",
      body: ZCreateAccountRequest,
      examples: { minimal: { code: "1000", name: "Cash", type: "ASSET" }, full: { code: "1010", name: "Petty cash", type: "ASSET", parentId: CASH } },
      success: { status: 201, description: `The new account: ${ACCOUNT}` },
      problems: { 409: "an account with this code exists", 422: "the parent does not exist or is of another type" },
    },
    async ({ ctx, body }) => created(await createAccount(ctx, body)),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/accounts/defaults",
      operationId: "createDefaultAccounts",
      summary:
        "creates a minimal standard chart when the tenant has no accounts; otherwise changes nothing (idempotent) → {created, accounts} (ledger:accounts:write).",
      auth: "client-user",
      permission: "ledger:accounts:write",
      success: { status: 200, description: "{created, accounts}: how many accounts were created (0 when the tenant had some) and the whole chart." },
    },
    async ({ ctx }) => createDefaultAccounts(ctx),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/accounts/{id}",
      operationId: "updateAccount",
      summary: "{name?, isActive?} renames or (de)activates an account (ledger:accounts:write). Another tenant's id → 404.",
      auth: "client-user",
      permission: "ledger:accounts:write",
      params: ZAccountId,
      body: ZUpdateAccountRequest,
      examples: { rename: { name: "Cash at bank" }, full: { name: "Cash at bank", isActive: false } },
      success: { status: 200, description: `The account after the change: ${ACCOUNT}` },
      problems: { 404: "no such account in this tenant" },
    },
    async ({ ctx, params, body }) => updateAccount(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/transactions",
      operationId: "listEntries",
      summary: "?from&to&status&accountId&cursor&limit: journal entries, newest first, with lines and totals (ledger:transactions:read).",
      auth: "client-user",
      permission: "ledger:transactions:read",
      query: ZListEntriesQuery,
      success: { status: 200, description: "{entries, nextCursor}: pass nextCursor back as cursor (null on the last page)." },
    },
    async ({ ctx, query }) => listEntries(ctx, query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/transactions",
      operationId: "createEntry",
      summary: "{date, description, reference?, lines: [{accountId, debit?|credit?, memo?}], post?} → 201 the entry (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      body: ZCreateEntryRequest,
      examples: {
        minimal: {
          date: "2026-03-31",
          description: "Cash sale",
          lines: [
            { accountId: CASH, debit: "125.00" },
            { accountId: SALES, credit: "125.00" },
          ],
        },
        full: {
          date: "2026-03-31",
          description: "Cash sale",
          reference: "INV-1042",
          lines: [
            { accountId: CASH, debit: "125.00", memo: "till 2" },
            { accountId: SALES, credit: "125.00" },
          ],
          post: true,
        },
      },
      success: { status: 201, description: `${ENTRY} A DRAFT, or POSTED with post: true.` },
      problems: { 422: `a line is not exactly one of debit or credit; a date that does not exist; ${LINES_422}; with post: true, ${UNBALANCED}` },
    },
    async ({ ctx, body }) => created(await createEntry(ctx, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/transactions/{id}",
      operationId: "getEntry",
      summary: "one journal entry with its lines and totals (ledger:transactions:read). Another tenant's id → 404.",
      auth: "client-user",
      permission: "ledger:transactions:read",
      params: ZEntryId,
      success: { status: 200, description: ENTRY },
      problems: { 404: NO_ENTRY },
    },
    async ({ ctx, params }) => getEntry(ctx, params.id),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/transactions/{id}",
      operationId: "updateEntry",
      summary:
        "{date?, description?, reference?, lines?, post?} edits a DRAFT (lines replace all lines; post: true posts it in the same transaction); another status → 409 (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      params: ZEntryId,
      body: ZUpdateEntryRequest,
      examples: {
        describe: { description: "Cash sale (corrected)", reference: null },
        full: {
          date: "2026-03-30",
          description: "Cash sale",
          reference: "INV-1042",
          lines: [
            { accountId: CASH, debit: "120.00" },
            { accountId: SALES, credit: "120.00" },
          ],
        },
      },
      success: { status: 200, description: ENTRY },
      problems: { 404: NO_ENTRY, 409: "the entry is not a DRAFT", 422: LINES_422 },
    },
    async ({ ctx, params, body }) => updateEntry(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "DELETE",
      path: "/api/client/transactions/{id}",
      operationId: "deleteEntry",
      summary: "deletes a DRAFT → 204; POSTED/VOID → 409: posted entries are never deleted (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      params: ZEntryId,
      success: { status: 204, description: "Deleted with its lines." },
      problems: { 404: NO_ENTRY, 409: "the entry is not a DRAFT (void or reverse it instead)" },
    },
    async ({ ctx, params }) => {
      await deleteEntry(ctx, params.id);
      return new Response(null, { status: 204 });
    },
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/transactions/{id}/post",
      operationId: "postEntry",
      summary: "DRAFT → POSTED; must balance (422); another status → 409; another tenant's id → 404 (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      params: ZEntryId,
      success: { status: 200, description: ENTRY },
      problems: { 404: NO_ENTRY, 409: "the entry is not a DRAFT", 422: `${UNBALANCED}; ${LINES_422}` },
    },
    async ({ ctx, params }) => postEntry(ctx, params.id),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/transactions/{id}/void",
      operationId: "voidEntry",
      summary: "POSTED → VOID (kept, excluded from reports); another status → 409; another tenant's id → 404 (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      params: ZEntryId,
      success: { status: 200, description: ENTRY },
      problems: { 404: NO_ENTRY, 409: "the entry is not POSTED, or is a reversal or reversed" },
    },
    async ({ ctx, params }) => voidEntry(ctx, params.id),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/transactions/{id}/reverse",
      operationId: "reverseEntry",
      summary:
        "{date?, description?} → 201 a new POSTED entry with debits and credits swapped. Only a POSTED entry that is not itself a reversal, once (409); date before the original's → 422; another tenant's id → 404 (ledger:transactions:write).",
      auth: "client-user",
      permission: "ledger:transactions:write",
      params: ZEntryId,
      body: ZReverseEntryRequest,
      examples: { today: {}, full: { date: "2026-04-01", description: "Reversal of the March accrual" } },
      success: { status: 201, description: `The reversal (its reversalOfId is the original). ${ENTRY}` },
      problems: {
        404: NO_ENTRY,
        409: "the entry is not POSTED, is a reversal, or was reversed already",
        422: "the date is before the original's; a line's account was deactivated since",
      },
    },
    async ({ ctx, params, body }) => created(await reverseEntry(ctx, params.id, body)),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/reports/trial-balance",
      operationId: "trialBalance",
      summary: "?asOf=YYYY-MM-DD (default today, UTC): per-account debits, credits and balance of POSTED entries, with grand totals (ledger:reports:read).",
      auth: "client-user",
      permission: "ledger:reports:read",
      query: ZTrialBalanceQuery,
      success: {
        status: 200,
        description:
          "{asOf, accounts: [{accountId, code, name, type, debit, credit, balance}], totals: {debit, credit, balanced}}; amounts are decimal strings.",
      },
    },
    async ({ ctx, query }) => trialBalance(ctx, query),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/reports/income-statement",
      operationId: "incomeStatement",
      summary: "?from=YYYY-MM-DD&to=YYYY-MM-DD (default 1 January … today, UTC): revenue, expenses and net income of POSTED entries (ledger:reports:read).",
      auth: "client-user",
      permission: "ledger:reports:read",
      query: ZIncomeStatementQuery,
      success: { status: 200, description: "{from, to, revenue: {accounts, total}, expenses: {accounts, total}, netIncome}; amounts are decimal strings." },
      problems: { 422: "from is after to" },
    },
    async ({ ctx, query }) => incomeStatement(ctx, query),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/reports/balance-sheet",
      operationId: "balanceSheet",
      summary:
        "?asOf=YYYY-MM-DD (default today, UTC): assets, liabilities and equity (with current earnings) of POSTED entries; totals and `balanced` (ledger:reports:read).",
      auth: "client-user",
      permission: "ledger:reports:read",
      query: ZBalanceSheetQuery,
      success: {
        status: 200,
        description:
          "{asOf, assets, liabilities, equity: {accounts, total, currentEarnings}, totals: {assets, liabilitiesAndEquity}, balanced}; amounts are decimal strings.",
      },
    },
    async ({ ctx, query }) => balanceSheet(ctx, query),
  ),
];
