// GET /api/client/audit/verify: re-computes the tenant's audit log hash chain → {ok, count, brokenAt?} (core:audit:read).
import { verifyTenantAuditChain } from "@/lib/audit";
import { chainCheckView } from "@/lib/audit/read";
import { route } from "@/lib/http/handler";

export const GET = route({ auth: "client-user", permission: "core:audit:read" }, async ({ ctx }) => chainCheckView(await verifyTenantAuditChain(ctx.db)));
