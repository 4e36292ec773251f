import type { z } from "zod";
import type { ClientUserPrincipal, Principal, PrincipalKind } from "../edge/principal";
import type { TenantContext, TenantRecord } from "../tenancy/types";

/*
 * An HTTP operation, declared once: its route (method and path), its guard
 * (auth, permission, rate limit), its input schemas (params, query, body), its
 * OpenAPI entry (summary, examples, answers) and its handler. Modules list
 * their operations in their manifest (lib/modules/<key>/module.ts); the control
 * plane lists its own (lib/api/operations). lib/api/router.ts serves them all,
 * lib/api/openapi describes them, and the authorization matrix walks them.
 *
 *   defineOperation(
 *     { method: "POST", path: "/api/client/roles", operationId: "createRole", summary: "…",
 *       auth: "client-user", permission: "core:roles:write", body: ZCreateRoleRequest,
 *       success: { status: 201, description: "the new role" } },
 *     async ({ ctx, body }) => created(await createRole(ctx, body)),
 *   )
 *
 * The handler receives { req, body, query, params, principal, requestId } and,
 * when the principal is a client user, `tenant` and `ctx` (a TenantContext with
 * the tenant DB leased for the handler's duration). It returns a Response or a
 * JSON-serialisable value (→ 200; undefined → 204); created() answers 201.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Problem statuses an operation can answer with; the reasons the document gives are derived or operation-specific. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

/** "public", one kind of principal, or several. Anything but "public" requires a valid token: 401 without, 403 for another kind. */
export type AuthOption = "public" | PrincipalKind | readonly PrincipalKind[];

export type PrincipalFor<A> = A extends "public"
  ? null
  : A extends PrincipalKind
    ? Extract<Principal, { kind: A }>
    : A extends readonly (infer K extends PrincipalKind)[]
      ? Extract<Principal, { kind: K }>
      : never;

/** T when every allowed kind is a client user, T | undefined when some are, undefined otherwise. */
export type OnlyClient<A, T> = [PrincipalFor<A>] extends [never]
  ? undefined
  : [PrincipalFor<A>] extends [ClientUserPrincipal]
    ? T
    : PrincipalFor<A> extends infer P
      ? (P extends ClientUserPrincipal ? T : never) | undefined
      : never;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface OperationSpec<A extends AuthOption = AuthOption, B = z.ZodType | undefined, Q = z.ZodType | undefined, P = z.ZodType | undefined> {
  method: HttpMethod;
  /** OpenAPI style: /api/client/transactions/{id}. */
  path: string;
  operationId: string;
  /** What it does, in one or two sentences (the OpenAPI summary). */
  summary: string;
  auth: A;
  /** A tenant RBAC permission of the declaring module (client users only; other kinds → 403). */
  permission?: string;
  /** JSON only (415), at most `bodyLimit` bytes (413, default 64 kB), 422 with fields. */
  body?: B;
  /** Over Object.fromEntries(searchParams). */
  query?: Q;
  /** Over the path's {segments}; a failing params schema answers 404 (a malformed id names nothing). */
  params?: P;
  bodyLimit?: number;
  /** false: no per-user limit (sign-in routes have their own). */
  rateLimit?: false;
  /** Not a JWT: a scrape token compared by the handler itself (GET /api/metrics). */
  security?: "metrics-token";
  /** The handler resolves the tenant itself (client sign-in): x-tenant-id or the subdomain. */
  tenant?: true;
  /** false: not counted in /api/metrics (probes). */
  metrics?: false;
  /** Extra request headers the handler reads. */
  headers?: readonly { name: string; description: string }[];
  /** Known-good request bodies, shown in the document and checked against zod and the JSON Schema. */
  examples?: Readonly<Record<string, unknown>>;
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** A zod schema of the answer, where one exists. */
    schema?: z.ZodType;
    /** Default application/json. */
    contentType?: string;
    headers?: readonly { name: string; description: string }[];
  };
  /** Operation-specific reasons, merged with the ones derived from auth, tenant, params, body and query. */
  problems?: Partial<Record<ProblemStatus, string>>;
}

export interface OperationArgs<A extends AuthOption, B, Q, P> {
  req: Request;
  requestId: string;
  principal: PrincipalFor<A>;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  /** Set when the principal is a client user. */
  tenant: OnlyClient<A, TenantRecord>;
  /** Set when the principal is a client user: the tenant DB is leased for the handler's duration. */
  ctx: OnlyClient<A, TenantContext>;
}

export interface Operation extends OperationSpec {
  // The handler's argument types are checked where it is declared (defineOperation).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- erased here so operations of any shape share one list
  handler: (args: OperationArgs<any, any, any, any>) => unknown;
}

export function defineOperation<
  A extends AuthOption,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(spec: OperationSpec<A, B, Q, P>, handler: (args: OperationArgs<A, B, Q, P>) => unknown): Operation {
  return { ...spec, handler } as Operation;
}

/** A 201 answer with a JSON body. */
export function created(value: unknown, headers?: HeadersInit): Response {
  return Response.json(value, { status: 201, headers });
}

/** The principal kinds an auth option admits, or "public". */
export function kindsOf(auth: AuthOption): readonly PrincipalKind[] | "public" {
  if (auth === "public") return "public";
  return typeof auth === "string" ? [auth as PrincipalKind] : (auth as readonly PrincipalKind[]);
}
