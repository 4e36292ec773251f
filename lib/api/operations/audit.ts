import { defineOperation, type Operation } from "../../http/operation";
import { enterpriseDb } from "../../db/enterprise";
import { verifyEnterpriseAuditChain } from "../../audit";
import { AUDIT_CHECK, AUDIT_PAGE, chainCheckView, listEnterpriseAudit, ZEnterpriseAuditQuery } from "../../audit/read";

// The global audit log (/api/enterprise/audit); each tenant's own is the core module's.

export const AUDIT_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/audit",
      operationId: "listEnterpriseAudit",
      summary: "?cursor=&limit=&action=&actorId=&targetId=&clientId=&from=&to= → {entries, nextCursor}: the global audit log, newest first.",
      auth: "enterprise-admin",
      query: ZEnterpriseAuditQuery,
      success: { status: 200, description: `${AUDIT_PAGE} Entries carry clientId.` },
      problems: { 422: "a filter or the cursor is not valid, or from is after to" },
    },
    async ({ query }) => listEnterpriseAudit(query, enterpriseDb()),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/audit/verify",
      operationId: "verifyEnterpriseAudit",
      summary: "re-computes the global audit log's hash chain → {ok, count, brokenAt?}.",
      auth: "enterprise-admin",
      success: { status: 200, description: AUDIT_CHECK },
    },
    async () => chainCheckView(await verifyEnterpriseAuditChain(enterpriseDb())),
  ),
];
