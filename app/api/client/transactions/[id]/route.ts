// GET /api/client/transactions/:id: one journal entry with its lines and totals (ledger:transactions:read). Another tenant's id → 404.
import { route } from "@/lib/http/handler";
import { ZEntryId } from "@/lib/erp/ledger/entries.types";
import { getEntry } from "@/lib/erp/ledger/get-entry";

export const GET = route({ auth: "client-user", permission: "ledger:transactions:read", params: ZEntryId }, async ({ ctx, params }) => getEntry(ctx, params.id));
