// POST /api/client/transactions/:id/post: DRAFT → POSTED; must balance (422); another status → 409; another tenant's id → 404 (ledger:transactions:write).
import { route } from "@/lib/http/handler";
import { ZEntryId } from "@/lib/erp/ledger/entries.types";
import { postEntry } from "@/lib/erp/ledger/post-entry";

export const POST = route({ auth: "client-user", permission: "ledger:transactions:write", params: ZEntryId }, async ({ ctx, params }) => postEntry(ctx, params.id));
