// GET /api/client/transactions?from&to&status&accountId&cursor&limit: journal entries, newest first, with lines and totals (ledger:transactions:read).
// POST /api/client/transactions: {date, description, reference?, lines: [{accountId, debit?|credit?, memo?}], post?} → 201 the entry (ledger:transactions:write).
import { created, route } from "@/lib/http/handler";
import { createEntry } from "@/lib/erp/ledger/create-entry";
import { ZCreateEntryRequest, ZListEntriesQuery } from "@/lib/erp/ledger/entries.types";
import { listEntries } from "@/lib/erp/ledger/list-entries";

export const GET = route({ auth: "client-user", permission: "ledger:transactions:read", query: ZListEntriesQuery }, async ({ ctx, query }) => listEntries(ctx, query));

export const POST = route({ auth: "client-user", permission: "ledger:transactions:write", body: ZCreateEntryRequest }, async ({ ctx, body }) => created(await createEntry(ctx, body)));
