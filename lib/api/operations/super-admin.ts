import { created, defineOperation, type Operation } from "../../http/operation";
import { LOGIN_EXAMPLES, LOGIN_PROBLEMS, loginSuperAdmin, ZLoginRequest } from "../../auth/login";
import { issueToken } from "../../auth/tokens";
import { clientIp } from "../../http/request";
import { assignModule, listAssignedClients, listClientUsers, reissueAssignedSetupLink } from "../../super-admin";
import { z } from "zod";
import { ZSetupLinkQuery } from "../../provisioning";
import { ZAssignedClientParams, ZAssignedClientView, ZAssignModuleRequest } from "../../super-admin";

// Super admins: /api/super-admin/*, only for the clients assigned to them.

export const ZAssignedClientList = z.object({ clients: z.array(ZAssignedClientView) });

export const SUPER_ADMIN_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "POST",
      path: "/api/super-admin/auth/login",
      operationId: "superAdminLogin",
      summary: "{email, password} → 200 {token, expiresAt} for a super admin (the token carries their modules).",
      auth: "public",
      body: ZLoginRequest,
      rateLimit: false,
      examples: LOGIN_EXAMPLES,
      success: { status: 200, description: "{token, expiresAt}: a bearer access token (15 minutes) and its expiry (ISO 8601)." },
      problems: LOGIN_PROBLEMS,
    },
    async ({ req, body }) => issueToken(await loginSuperAdmin(body, { ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/super-admin/clients",
      operationId: "listAssignedClients",
      summary: "the clients assigned to the calling super admin → {clients: [{id, slug, name, segment, status, modules, schemaVersion}]}.",
      auth: "super-admin",
      success: { status: 200, description: "The caller's assigned clients.", schema: ZAssignedClientList },
    },
    async ({ principal }) => ({ clients: await listAssignedClients(principal) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/super-admin/clients/{id}/assign-module",
      operationId: "assignModule",
      summary: "{module} → 200 {id, modules}. Idempotent. Another super admin's client → 404; a module the caller does not hold → 403; unknown module → 422.",
      auth: "super-admin",
      params: ZAssignedClientParams,
      body: ZAssignModuleRequest,
      examples: { minimal: { module: "ledger" } },
      success: { status: 200, description: "{id, modules}: the client and all its module keys." },
      problems: {
        403: "the caller does not hold this module",
        404: "not a client assigned to the caller",
        409: "the client is not active",
        422: "unknown module",
      },
    },
    async ({ req, params, body, principal }) => assignModule(principal, params.id, body, { ip: clientIp(req.headers) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/super-admin/clients/{id}/setup-link",
      operationId: "reissueAssignedSetupLink",
      summary:
        "[?email=] → 201 {setupLink, email, expiresAt}: for an assigned client, a new one-time link for an owner who has not set a password yet. Another client → 404; everyone has a password → 409.",
      auth: "super-admin",
      params: ZAssignedClientParams,
      query: ZSetupLinkQuery,
      success: { status: 201, description: "{setupLink, email, expiresAt}: the new link, the owner it is for, and when it expires." },
      problems: { 404: "not a client assigned to the caller", 409: "the client is not active; or no owner (or not this email) is waiting to set a password" },
    },
    async ({ req, params, query, principal }) => created(await reissueAssignedSetupLink(principal, params.id, query, { ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/super-admin/clients/{id}/users",
      operationId: "listAssignedClientUsers",
      summary: "an assigned client's users with their roles → {users}. Another client → 404.",
      auth: "super-admin",
      params: ZAssignedClientParams,
      success: { status: 200, description: "{users: [{id, email, name, isActive, roles: [{id, name}], createdAt}]}." },
      problems: { 404: "not a client assigned to the caller" },
    },
    async ({ params, principal }) => ({ users: await listClientUsers(principal, params.id) }),
  ),
];
