// GET /api/client/audit: ?cursor=&limit=&action=&actorId=&targetId=&from=&to= → {entries, nextCursor}: the tenant's own audit log, newest first (core:audit:read).
import { listTenantAudit, ZAuditQuery } from "@/lib/audit/read";
import { route } from "@/lib/http/handler";

export const GET = route({ auth: "client-user", permission: "core:audit:read", query: ZAuditQuery }, async ({ ctx, query }) => listTenantAudit(ctx, query));
