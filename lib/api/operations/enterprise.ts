import { created, defineOperation, type Operation } from "../../http/operation";
import { LOGIN_EXAMPLES, LOGIN_PROBLEMS, loginEnterpriseAdmin, ZLoginRequest } from "../../auth/login";
import { issueToken } from "../../auth/tokens";
import { clientIp } from "../../http/request";
import { archiveClient, createClient, listClients, reissueSetupLink, updateClient } from "../../provisioning";
import { listModules } from "../../enterprise/list-modules";
import { createSuperAdmin, listSuperAdmins, updateSuperAdmin } from "../../enterprise/super-admins";
import { z } from "zod";
import { ZCreateSuperAdminRequest, ZSuperAdminParams, ZSuperAdminView, ZUpdateSuperAdminRequest } from "../../enterprise/super-admins";
import {
  ZClientParams,
  ZClientView,
  ZCreateClientRequest,
  ZCreateClientResponse,
  ZListClientsQuery,
  ZSetupLinkQuery,
  ZUpdateClientRequest,
} from "../../provisioning";

// The enterprise control plane: /api/enterprise/*.

/** GET /api/enterprise/clients answers listClients() as is (its type is checked in tests/unit/openapi.test.ts). */
export const ZClientPage = z.object({ items: z.array(ZClientView), nextCursor: z.string().nullable() });
export const ZSuperAdminList = z.object({ superAdmins: z.array(ZSuperAdminView) });

const TOKEN = "{token, expiresAt}: a bearer access token (15 minutes) and its expiry (ISO 8601).";

export const ENTERPRISE_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "POST",
      path: "/api/enterprise/auth/login",
      operationId: "enterpriseLogin",
      summary: "{email, password} → 200 {token, expiresAt} for an enterprise admin.",
      auth: "public",
      body: ZLoginRequest,
      rateLimit: false,
      examples: LOGIN_EXAMPLES,
      success: { status: 200, description: TOKEN },
      problems: LOGIN_PROBLEMS,
    },
    async ({ req, body }) => issueToken(await loginEnterpriseAdmin(body, { ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/clients",
      operationId: "listClients",
      summary: "?limit=&cursor=&status=&q=: clients newest first → {items, nextCursor}.",
      auth: "enterprise-admin",
      query: ZListClientsQuery,
      success: { status: 200, description: "A page of clients; pass nextCursor back as cursor (null on the last page).", schema: ZClientPage },
      problems: { 422: "the cursor is not valid" },
    },
    async ({ query }) => listClients(query),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/enterprise/clients/create",
      operationId: "createClient",
      summary:
        "provision a client (tenant) → 201 {clientId, slug, dbName, status, setupLink?}. Optional Idempotency-Key header: same key + same body → the first answer again; same key + other body → 422.",
      auth: "enterprise-admin",
      body: ZCreateClientRequest,
      headers: [
        {
          name: "Idempotency-Key",
          description: "1–200 visible ASCII characters. The same key with the same body answers the first result again (Idempotent-Replayed: true).",
        },
      ],
      examples: {
        minimal: { name: "Acme Trading", adminEmail: "owner@acme.example" },
        full: {
          name: "Acme Trading",
          slug: "acme",
          segment: "retail",
          adminEmail: "owner@acme.example",
          adminName: "Ada Owner",
          adminPassword: "a long first password",
          superAdminId: "3f0c2a57-8b6e-4c1d-9a3e-5b7f2d8e1c40",
          modules: ["core", "ledger"],
          shardId: "8d2e4f61-1a3b-4c5d-8e9f-0a1b2c3d4e5f",
        },
      },
      success: {
        status: 201,
        description: "The client is ACTIVE. setupLink (one-time, for the first admin) when no adminPassword was given.",
        schema: ZCreateClientResponse,
        headers: [{ name: "Idempotent-Replayed", description: "true when this is the stored answer to an earlier request with the same Idempotency-Key." }],
      },
      problems: {
        409: "the slug is taken; or a request with this Idempotency-Key is still being processed",
        422: "a bad or reserved slug; unknown super admin or modules; a malformed Idempotency-Key, or one used with another body",
      },
    },
    async ({ req, body, principal }) => {
      const { body: answer, replayed } = await createClient(
        body,
        { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) },
        { idempotencyKey: req.headers.get("idempotency-key") },
      );
      return created(answer, replayed ? { "idempotent-replayed": "true" } : undefined);
    },
  ),
  defineOperation(
    {
      method: "PUT",
      path: "/api/enterprise/clients/{id}",
      operationId: "updateClient",
      summary: "{name?, segment?, status? (ACTIVE|SUSPENDED), superAdminIds?} → 200 the client.",
      auth: "enterprise-admin",
      params: ZClientParams,
      body: ZUpdateClientRequest,
      examples: {
        suspend: { status: "SUSPENDED" },
        full: { name: "Acme Trading Ltd", segment: null, status: "ACTIVE", superAdminIds: ["3f0c2a57-8b6e-4c1d-9a3e-5b7f2d8e1c40"] },
      },
      success: { status: 200, description: "The client after the change.", schema: ZClientView },
      problems: {
        404: "no such client",
        409: "the status cannot change from the current one (e.g. an archived client)",
        422: "nothing to change; unknown super admin",
      },
    },
    async ({ req, params, body, principal }) => updateClient(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
  ),
  defineOperation(
    {
      method: "DELETE",
      path: "/api/enterprise/clients/{id}",
      operationId: "archiveClient",
      summary: "archive (refused at once, role NOLOGIN, database kept until `npm run purge`) → 200 the client.",
      auth: "enterprise-admin",
      params: ZClientParams,
      success: { status: 200, description: "The client, now ARCHIVED.", schema: ZClientView },
      problems: { 404: "no such client", 409: "the client is still being set up" },
    },
    async ({ req, params, principal }) => archiveClient(params.id, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/enterprise/clients/{id}/setup-link",
      operationId: "reissueSetupLink",
      summary:
        "[?email=] → 201 {setupLink, email, expiresAt}: a new one-time link for an owner who has not set a password yet (the first link expired or was lost). Everyone has a password → 409.",
      auth: "enterprise-admin",
      params: ZClientParams,
      query: ZSetupLinkQuery,
      success: { status: 201, description: "{setupLink, email, expiresAt}: the new link, the owner it is for, and when it expires." },
      problems: { 404: "no such client", 409: "the client is not active; or no owner (or not this email) is waiting to set a password" },
    },
    async ({ req, params, query, principal }) => created(await reissueSetupLink(params.id, query, { principal, ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/modules",
      operationId: "listModules",
      summary:
        "the module catalogue → {modules: [{key, name, description, permissions}]}. Enterprise admins and super admins (who assign modules) may read it.",
      auth: ["enterprise-admin", "super-admin"],
      success: { status: 200, description: "{modules: [{key, name, description, permissions}]}." },
    },
    async () => ({ modules: await listModules() }),
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/super-admins",
      operationId: "listSuperAdmins",
      summary: "every super admin with modules, segments and assigned client ids → {superAdmins}.",
      auth: "enterprise-admin",
      success: { status: 200, description: "Every super admin.", schema: ZSuperAdminList },
    },
    async () => ({ superAdmins: await listSuperAdmins() }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/enterprise/super-admins",
      operationId: "createSuperAdmin",
      summary: "{email, name, password, segments?, modules?} → 201 the super admin (409 email taken, 422 unknown module).",
      auth: "enterprise-admin",
      body: ZCreateSuperAdminRequest,
      examples: {
        minimal: { email: "sa@example.com", name: "Sam Super", password: "a long enough password" },
        full: { email: "sa@example.com", name: "Sam Super", password: "a long enough password", segments: ["retail"], modules: ["ledger"] },
      },
      success: { status: 201, description: "The new super admin.", schema: ZSuperAdminView },
      problems: { 409: "an admin with this email exists", 422: "unknown module" },
    },
    async ({ req, body, principal }) => created(await createSuperAdmin(body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "PUT",
      path: "/api/enterprise/super-admins/{id}",
      operationId: "updateSuperAdmin",
      summary: "{name?, segments?, modules?, isActive?} → 200 the super admin. isActive: false stops their tokens from the next request on.",
      auth: "enterprise-admin",
      params: ZSuperAdminParams,
      body: ZUpdateSuperAdminRequest,
      examples: { deactivate: { isActive: false }, full: { name: "Sam Super", segments: ["retail", "services"], modules: ["core", "ledger"], isActive: true } },
      success: { status: 200, description: "The super admin after the change.", schema: ZSuperAdminView },
      problems: { 404: "no such super admin", 422: "nothing to change; unknown module" },
    },
    async ({ req, params, body, principal }) => updateSuperAdmin(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
  ),
];
