// POST /api/client/transactions/:id/reverse: {date?, description?} → 201 a new POSTED entry with debits and credits swapped.
// Only a POSTED entry that is not itself a reversal, once (409); date before the original's → 422; another tenant's id → 404 (ledger:transactions:write).
import { created, route } from "@/lib/http/handler";
import { ZEntryId, ZReverseEntryRequest } from "@/lib/erp/ledger/entries.types";
import { reverseEntry } from "@/lib/erp/ledger/reverse-entry";

export const POST = route({ auth: "client-user", permission: "ledger:transactions:write", params: ZEntryId, body: ZReverseEntryRequest }, async ({ ctx, params, body }) => created(await reverseEntry(ctx, params.id, body)));
