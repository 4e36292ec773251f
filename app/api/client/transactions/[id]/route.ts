// GET /api/client/transactions/:id: one journal entry with its lines and totals (ledger:transactions:read). Another tenant's id → 404.
// PATCH /api/client/transactions/:id: {date?, description?, reference?, lines?, post?} edits a DRAFT (lines replace all lines; post: true posts it in the same transaction); another status → 409 (ledger:transactions:write).
// DELETE /api/client/transactions/:id: deletes a DRAFT → 204; POSTED/VOID → 409: posted entries are never deleted (ledger:transactions:write).
import { route } from "@/lib/http/handler";
import { deleteEntry } from "@/lib/erp/ledger/delete-entry";
import { ZEntryId, ZUpdateEntryRequest } from "@/lib/erp/ledger/entries.types";
import { getEntry } from "@/lib/erp/ledger/get-entry";
import { updateEntry } from "@/lib/erp/ledger/update-entry";

export const GET = route({ auth: "client-user", permission: "ledger:transactions:read", params: ZEntryId }, async ({ ctx, params }) => getEntry(ctx, params.id));

export const PATCH = route({ auth: "client-user", permission: "ledger:transactions:write", params: ZEntryId, body: ZUpdateEntryRequest }, async ({ ctx, params, body }) => updateEntry(ctx, params.id, body));

export const DELETE = route({ auth: "client-user", permission: "ledger:transactions:write", params: ZEntryId }, async ({ ctx, params }) => {
  await deleteEntry(ctx, params.id);
  return new Response(null, { status: 204 });
});
