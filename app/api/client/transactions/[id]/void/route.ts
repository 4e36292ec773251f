// POST /api/client/transactions/:id/void: POSTED → VOID (kept, excluded from reports); another status → 409; another tenant's id → 404 (ledger:transactions:write).
import { route } from "@/lib/http/handler";
import { ZEntryId } from "@/lib/erp/ledger/entries.types";
import { voidEntry } from "@/lib/erp/ledger/void-entry";

export const POST = route({ auth: "client-user", permission: "ledger:transactions:write", params: ZEntryId }, async ({ ctx, params }) => voidEntry(ctx, params.id));
