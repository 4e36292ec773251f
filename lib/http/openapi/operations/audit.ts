import { ZAuditQuery, ZEnterpriseAuditQuery } from "../../../audit/read";
import type { Operation } from "../types";

// The audit logs: the global one (/api/enterprise/audit) and each tenant's own (/api/client/audit).

const PAGE = "{entries: [{id, at, actorType, actorId, action, targetType, targetId, metadata, ip, prevHash, hash}], nextCursor}: newest first; pass nextCursor back as cursor (null on the last page).";
const CHECK = "{ok, count, brokenAt?}: whether every row links to the one before it and hashes to its stored hash; brokenAt is the first row that does not.";

export const AUDIT_OPERATIONS: readonly Operation[] = [
  {
    method: "GET",
    path: "/api/enterprise/audit",
    operationId: "listEnterpriseAudit",
    summary: "?cursor=&limit=&action=&actorId=&targetId=&clientId=&from=&to= → {entries, nextCursor}: the global audit log, newest first.",
    auth: "enterprise-admin",
    query: ZEnterpriseAuditQuery,
    success: { status: 200, description: `${PAGE} Entries carry clientId.` },
    problems: { 422: "a filter or the cursor is not valid, or from is after to" },
  },
  {
    method: "GET",
    path: "/api/enterprise/audit/verify",
    operationId: "verifyEnterpriseAudit",
    summary: "re-computes the global audit log's hash chain → {ok, count, brokenAt?}.",
    auth: "enterprise-admin",
    success: { status: 200, description: CHECK },
  },
  {
    method: "GET",
    path: "/api/client/audit",
    operationId: "listTenantAudit",
    summary: "?cursor=&limit=&action=&actorId=&targetId=&from=&to= → {entries, nextCursor}: the tenant's own audit log, newest first (core:audit:read).",
    auth: "client-user",
    permission: "core:audit:read",
    query: ZAuditQuery,
    success: { status: 200, description: PAGE },
    problems: { 422: "a filter or the cursor is not valid, or from is after to" },
  },
  {
    method: "GET",
    path: "/api/client/audit/verify",
    operationId: "verifyTenantAudit",
    summary: "re-computes the tenant's audit log hash chain → {ok, count, brokenAt?} (core:audit:read).",
    auth: "client-user",
    permission: "core:audit:read",
    success: { status: 200, description: CHECK },
  },
];
