// GET /api/enterprise/audit: ?cursor=&limit=&action=&actorId=&targetId=&clientId=&from=&to= → {entries, nextCursor}: the global audit log, newest first.
import { enterpriseDb } from "@/lib/enterprise/db";
import { listEnterpriseAudit, ZEnterpriseAuditQuery } from "@/lib/audit/read";
import { route } from "@/lib/http/handler";

export const GET = route({ auth: "enterprise-admin", query: ZEnterpriseAuditQuery }, async ({ query }) => listEnterpriseAudit(query, enterpriseDb()));
