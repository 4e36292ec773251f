import { verifyTenantAuditChain } from "../../audit";
import { AUDIT_CHECK, AUDIT_PAGE, chainCheckView, listTenantAudit, ZAuditQuery } from "../../audit/read";
import { created, defineOperation, type Operation } from "../../http/operation";
import { LOGIN_EXAMPLES, LOGIN_PROBLEMS, loginClientUser, ZLoginRequest } from "../../auth/login";
import { issueToken } from "../../auth/tokens";
import { clientIp } from "../../http/request";
import { resolveRequestTenant } from "../../tenancy/request-tenant";
import { listUsers } from "./users/list-users";
import { createUser } from "./users/create-user";
import { updateUser } from "./users/update-user";
import { issuePasswordLink } from "./users/issue-password-link";
import { setUserRoles } from "./users/set-user-roles";
import { listRoles } from "./roles/list-roles";
import { createRole } from "./roles/create-role";
import { setRolePermissions } from "./roles/set-role-permissions";
import { ZCreateRoleRequest, ZRoleId, ZSetRolePermissionsRequest } from "./roles/roles.types";
import { ZCreateUserRequest, ZSetUserRolesRequest, ZUpdateUserRequest, ZUserId } from "./users/users.types";

// A tenant's users and roles: /api/client/auth, /api/client/users, /api/client/roles.

const ROLE_ID = "5c9a1e3b-7d2f-4a8c-b6e1-2f3a4b5c6d7e";
const GRANT = "granting permissions the caller does not hold";

export const CORE_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "POST",
      path: "/api/client/auth/login",
      operationId: "clientLogin",
      summary: "{email, password} → 200 {token, expiresAt} for a user of the tenant named by x-tenant-id (client id or slug) or by the subdomain.",
      auth: "public",
      tenant: true,
      body: ZLoginRequest,
      rateLimit: false,
      examples: LOGIN_EXAMPLES,
      success: { status: 200, description: "{token, expiresAt}: a bearer access token (15 minutes) for this tenant and its expiry (ISO 8601)." },
      problems: LOGIN_PROBLEMS,
    },
    async ({ req, body }) => {
      const tenant = await resolveRequestTenant({ headers: req.headers, query: new URL(req.url).searchParams.get("tenant") }, null);
      return issueToken(await loginClientUser(tenant, body, { ip: clientIp(req.headers) }));
    },
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/users",
      operationId: "listUsers",
      summary: "the tenant's users with their roles (core:users:read).",
      auth: "client-user",
      permission: "core:users:read",
      success: { status: 200, description: "{users: [{id, email, name, isActive, roles: [{id, name}], createdAt}]}." },
    },
    async ({ ctx }) => ({ users: await listUsers(ctx) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/users",
      operationId: "createUser",
      summary: "{email, name, password, roles?} → 201 the new user (core:users:write; only roles whose permissions you hold).",
      auth: "client-user",
      permission: "core:users:write",
      body: ZCreateUserRequest,
      examples: {
        minimal: { email: "clerk@acme.example", name: "Carl Clerk", password: "a long enough password" },
        full: { email: "clerk@acme.example", name: "Carl Clerk", password: "a long enough password", roles: [ROLE_ID] },
      },
      success: { status: 201, description: "{id, email, name, isActive, roles: [{id, name}], createdAt}." },
      problems: { 403: GRANT, 409: "a user with this email exists", 422: "unknown role ids" },
    },
    async ({ ctx, body }) => created(await createUser(ctx, body)),
  ),
  defineOperation(
    {
      method: "PATCH",
      path: "/api/client/users/{id}",
      operationId: "updateUser",
      summary: "{name?, isActive?} renames, deactivates or reactivates a user (core:users:write). Another tenant's user id → 404.",
      auth: "client-user",
      permission: "core:users:write",
      params: ZUserId,
      body: ZUpdateUserRequest,
      examples: { deactivate: { isActive: false }, full: { name: "Dana Doe", isActive: true } },
      success: {
        status: 200,
        description: "The user after the change: {id, email, name, isActive, roles, createdAt}. A deactivated user is refused from their next request on.",
      },
      problems: {
        403: "the user holds permissions you do not",
        404: "no such user in this tenant",
        409: "you cannot deactivate yourself; the tenant must keep an active Owner",
      },
    },
    async ({ ctx, params, body }) => updateUser(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/users/{id}/password-link",
      operationId: "issuePasswordLink",
      summary:
        "→ 201 {link, email, kind, expiresAt}: a one-time link to set the user's first password (setup, 7 days) or replace a forgotten one (reset, 24 hours) (core:users:write). Another tenant's user id → 404.",
      auth: "client-user",
      permission: "core:users:write",
      params: ZUserId,
      success: {
        status: 201,
        description:
          "The link (a credential: answered once, never stored), whom it is for, setup or reset, and until when it works. A reset ends the user's earlier sessions.",
      },
      problems: { 403: "the user holds permissions you do not", 404: "no such user in this tenant", 409: "the user is deactivated" },
    },
    async ({ ctx, params }) => created(await issuePasswordLink(ctx, params.id)),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/users/{id}/roles",
      operationId: "setUserRoles",
      summary: "{roles: roleId[]} replaces the user's roles (core:users:write). Another tenant's user id → 404.",
      auth: "client-user",
      permission: "core:users:write",
      params: ZUserId,
      body: ZSetUserRolesRequest,
      examples: { minimal: { roles: [ROLE_ID] } },
      success: { status: 200, description: "The user with the new roles: {id, email, name, isActive, roles, createdAt}." },
      problems: { 403: GRANT, 404: "no such user in this tenant", 409: "the tenant must keep at least one Owner", 422: "unknown role ids" },
    },
    async ({ ctx, params, body }) => setUserRoles(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/roles",
      operationId: "listRoles",
      summary: "system and custom roles with their permissions (core:roles:read).",
      auth: "client-user",
      permission: "core:roles:read",
      success: { status: 200, description: "{roles: [{id, name, description, isSystem, permissions}]}." },
    },
    async ({ ctx }) => ({ roles: await listRoles(ctx) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/roles",
      operationId: "createRole",
      summary: "{name, description?, permissions?} → 201 the new custom role (core:roles:write).",
      auth: "client-user",
      permission: "core:roles:write",
      body: ZCreateRoleRequest,
      examples: {
        minimal: { name: "Bookkeeper" },
        full: { name: "Bookkeeper", description: "Keeps the books", permissions: ["ledger:transactions:read", "ledger:transactions:write"] },
      },
      success: { status: 201, description: "{id, name, description, isSystem: false, permissions}." },
      problems: { 403: GRANT, 409: "a role with this name exists" },
    },
    async ({ ctx, body }) => created(await createRole(ctx, body)),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/client/roles/{id}/permissions",
      operationId: "setRolePermissions",
      summary: "{permissions} replaces a custom role's permissions (core:roles:write). Another tenant's role id → 404.",
      auth: "client-user",
      permission: "core:roles:write",
      params: ZRoleId,
      body: ZSetRolePermissionsRequest,
      examples: { minimal: { permissions: ["ledger:reports:read"] } },
      success: { status: 200, description: "The role with its new permissions: {id, name, description, isSystem, permissions}." },
      problems: { 403: GRANT, 404: "no such role in this tenant", 409: "system roles cannot be changed" },
    },
    async ({ ctx, params, body }) => setRolePermissions(ctx, params.id, body),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/audit",
      operationId: "listTenantAudit",
      summary: "?cursor=&limit=&action=&actorId=&targetId=&from=&to= → {entries, nextCursor}: the tenant's own audit log, newest first (core:audit:read).",
      auth: "client-user",
      permission: "core:audit:read",
      query: ZAuditQuery,
      success: { status: 200, description: AUDIT_PAGE },
      problems: { 422: "a filter or the cursor is not valid, or from is after to" },
    },
    async ({ ctx, query }) => listTenantAudit(ctx, query),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/client/audit/verify",
      operationId: "verifyTenantAudit",
      summary: "re-computes the tenant's audit log hash chain → {ok, count, brokenAt?} (core:audit:read).",
      auth: "client-user",
      permission: "core:audit:read",
      success: { status: 200, description: AUDIT_CHECK },
    },
    async ({ ctx }) => chainCheckView(await verifyTenantAuditChain(ctx.db)),
  ),
];
