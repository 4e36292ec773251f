import type { z } from "zod";
import type { ClientUserPrincipal, Principal, PrincipalKind } from "../auth/principal";
import { assertAdminActive } from "../auth/active";
import { principalFromHeaders } from "../auth/session";
import { actorAccess } from "../erp/rbac/access";
import type { Permission } from "../erp/modules";
import { AppError, problemResponse } from "../errors";
import { log } from "../observability/log";
import { recordRequest, routePattern } from "../observability/metrics";
import { apiRequests } from "../ratelimit";
import { withTenantContext } from "../tenancy/connections";
import type { TenantContext, TenantRecord } from "../tenancy/types";
import { DEFAULT_BODY_LIMIT, parseWith, readJsonBody } from "./body";
import { assertSameOrigin, clientIp, newRequestId } from "./request";
import { resolveRequestTenant } from "./tenant";

/*
 * route(): THE wrapper for every route handler under app/api (except the
 * health check). Usage:
 *
 *   // POST /api/client/roles: create a custom role.
 *   export const POST = route(
 *     { auth: "client-user", permission: "core:roles:write", body: ZCreateRoleRequest },
 *     async ({ ctx, body }) => created(await createRole(ctx, body)),
 *   );
 *
 * Options
 *   auth        "public" | "enterprise-admin" | "super-admin" | "client-user", or an array of kinds.
 *               Anything but "public" requires a valid token: 401 without, 403 for another kind.
 *   permission  tenant RBAC permission (client-user routes only; other kinds → 403).
 *   body        zod schema: JSON only (415), at most `bodyLimit` bytes (413, default 64 kB), 422 with fields.
 *   query       zod schema over Object.fromEntries(searchParams).
 *   params      zod schema over the dynamic route params. A failing params schema answers 404
 *               (a malformed id names nothing), not 422.
 *   rateLimit   false to skip the per-user:tenant limit (login routes have their own).
 *
 * The handler receives { req, body, query, params, principal, requestId } and, when the
 * principal is a client user, `tenant` (TenantRecord) and `ctx` (TenantContext with a leased
 * tenant DB, released when the handler returns). Return a Response or a JSON-serialisable value
 * (→ 200); use created() for 201.
 *
 * Order of checks (each a small function below): same-origin for state-changing requests →
 * authenticate → principal kind → resolve the tenant (token claim, x-tenant-id, host: all must
 * agree, and agree with the edge's header when present) and require ACTIVE → rate limit
 * per user:tenant → params → read the JSON body (bounded) → lease the tenant DB → permission →
 * validate query/body → handler. Every
 * error goes through lib/errors problemResponse; unknown errors are logged with the request id
 * and answered with a generic 500.
 */

export type AuthOption = "public" | PrincipalKind | readonly PrincipalKind[];

type PrincipalFor<A> = A extends "public"
  ? null
  : A extends PrincipalKind
    ? Extract<Principal, { kind: A }>
    : A extends readonly (infer K extends PrincipalKind)[]
      ? Extract<Principal, { kind: K }>
      : never;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface RouteOptions<A extends AuthOption, B, Q, P> {
  auth: A;
  permission?: Permission;
  body?: B;
  query?: Q;
  params?: P;
  bodyLimit?: number;
  rateLimit?: false;
}

export interface RouteArgs<A extends AuthOption, B, Q, P> {
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

/** T when every allowed kind is a client user, T | undefined when some are, undefined otherwise. */
type OnlyClient<A, T> = [PrincipalFor<A>] extends [never] ? undefined : [PrincipalFor<A>] extends [ClientUserPrincipal] ? T : PrincipalFor<A> extends infer P ? (P extends ClientUserPrincipal ? T : never) | undefined : never;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = (req: Request, context: RouteContext) => Promise<Response>;

/** A 201 answer with a JSON body. */
export function created(value: unknown, headers?: HeadersInit): Response {
  return Response.json(value, { status: 201, headers });
}

export function kindsOf(auth: AuthOption): readonly PrincipalKind[] | "public" {
  if (auth === "public") return "public";
  return typeof auth === "string" ? [auth as PrincipalKind] : (auth as readonly PrincipalKind[]);
}

/** 401 without credentials, 403 for a principal of another kind. */
export async function authenticate(req: Request, auth: AuthOption): Promise<Principal | null> {
  const kinds = kindsOf(auth);
  if (kinds === "public") return null;
  const principal = await principalFromHeaders(req.headers);
  if (!principal) throw new AppError("unauthorized", "Sign in or send a bearer token.", { headers: { "www-authenticate": "Bearer" } });
  if (!kinds.includes(principal.kind)) throw new AppError("forbidden", "This is not available to your kind of account.");
  await assertAdminActive(principal);
  return principal;
}

export async function rateLimit(principal: Principal, tenant: TenantRecord | undefined): Promise<void> {
  const key = tenant ? `${principal.id}:${tenant.id}` : `${principal.kind}:${principal.id}`;
  const r = await apiRequests().hit(key);
  if (!r.ok) throw new AppError("rate_limited", "Too many requests; slow down.", { headers: { "retry-after": String(Math.ceil(r.resetMs / 1000)) } });
}

export async function requirePermissionIn(ctx: TenantContext | undefined, permission: Permission | undefined): Promise<void> {
  if (!permission) return;
  if (!ctx || ctx.principal.kind !== "client-user") throw new AppError("forbidden", `This needs the permission ${permission}.`);
  const access = await actorAccess(ctx);
  if (!access.permissions.has(permission)) throw new AppError("forbidden", `This needs the permission ${permission}.`);
}

function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (value === undefined) return new Response(null, { status: 204 });
  return Response.json(value);
}

export function errorResponse(err: unknown, requestId: string, req: Request): Response {
  const res = problemResponse(err, (e) => log.error("unhandled error in route", { requestId, method: req.method, path: new URL(req.url).pathname, err: e }));
  res.headers.set("x-request-id", requestId);
  return res;
}

export function route<A extends AuthOption, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  options: RouteOptions<A, B, Q, P>,
  handler: (args: RouteArgs<A, B, Q, P>) => Promise<unknown> | unknown,
): RouteHandler {
  const wrapped: RouteHandler = async (req, context) => {
    const started = performance.now();
    const res = await answer(req, context);
    // Bounded labels: the route's pattern, not the path (lib/observability/metrics.ts).
    recordRequest(routePattern(new URL(req.url).pathname, (await context?.params) ?? {}), req.method, res.status, (performance.now() - started) / 1000);
    return res;
  };
  const answer: RouteHandler = async (req, context) => {
    const requestId = newRequestId();
    try {
      assertSameOrigin(req);
      const principal = await authenticate(req, options.auth);
      const url = new URL(req.url);
      const tenant = principal?.kind === "client-user" ? await resolveRequestTenant({ headers: req.headers, query: url.searchParams.get("tenant") }, principal as ClientUserPrincipal) : undefined;
      if (principal && options.rateLimit !== false) await rateLimit(principal, tenant);

      let params: unknown = undefined;
      if (options.params) {
        const raw = (await context?.params) ?? {};
        const r = options.params.safeParse(raw);
        if (!r.success) throw new AppError("not_found", "Not found.");
        params = r.data;
      }
      // Read (bounded) before leasing the tenant DB, so a slow upload never holds a connection;
      // validated only after the permission check, so the unauthorised learn nothing about the schema.
      const rawBody = options.body ? await readJsonBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT) : undefined;
      const run = async (ctx: TenantContext | undefined) => {
        await requirePermissionIn(ctx, options.permission);
        const query = options.query ? parseWith(options.query, Object.fromEntries(url.searchParams)) : undefined;
        const body = options.body ? parseWith(options.body, rawBody) : undefined;
        return toResponse(
          await handler({ req, requestId, principal: principal as PrincipalFor<A>, body: body as Infer<B>, query: query as Infer<Q>, params: params as Infer<P>, tenant: tenant as OnlyClient<A, TenantRecord>, ctx: ctx as OnlyClient<A, TenantContext> }),
        );
      };
      const res = tenant ? await withTenantContext(tenant, principal as ClientUserPrincipal, run, { ip: clientIp(req.headers) }) : await run(undefined);
      res.headers.set("x-request-id", requestId);
      if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
      return res;
    } catch (err) {
      return errorResponse(err, requestId, req);
    }
  };
  return wrapped;
}
