import { isTransient } from "../db/errors";
import { AppError, parseWith, problemResponse } from "../errors";
import { DEFAULT_BODY_LIMIT, readJsonBody } from "../http/body";
import type { Operation } from "../http/operation";
import { isSafeMethod, newRequestId } from "../http/request";
import { log } from "../observability/log";
import { recordRequest } from "../observability/metrics";
import { allOperations } from "./operations";
import { admit, enter } from "./pipeline";

/*
 * Serves every operation of lib/api/operations (app/api/[...path]/route.ts is
 * its one route file). Per request: find the operation by path and method (404,
 * or 405 with Allow) → the security pipeline's admit() → params (a malformed id
 * names nothing: 404) → read the JSON body, bounded, before leasing the tenant
 * DB (a slow upload never holds a connection) → enter(): lease, permission →
 * validate query and body (after the permission check, so the unauthorised learn
 * nothing about the schema) → the handler. A safe request whose connection was cut
 * (lib/db/errors isTransient) is tried once more; anything transient left is a 503. Every error goes through lib/errors'
 * problemResponse; unknown ones are logged with the request id and answered 500.
 */

interface Route {
  op: Operation;
  pattern: RegExp;
  names: string[];
  /** The metrics label: /api/client/transactions/[id] (bounded: never a raw path). */
  label: string;
}

let table: { operations: readonly Operation[]; routes: Route[] } | undefined;

function routes(): Route[] {
  const ops = allOperations();
  if (table?.operations === ops) return table.routes;
  const compiled = ops.map((op) => {
    const names: string[] = [];
    const source = op.path
      .split("/")
      .map((s) => {
        const m = /^\{(\w+)\}$/.exec(s);
        if (!m) return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(m[1]!);
        return "([^/]+)";
      })
      .join("/");
    return { op, pattern: new RegExp(`^${source}/?$`), names, label: op.path.replace(/\{(\w+)\}/g, "[$1]") };
  });
  // Literal segments win over parameters (/accounts/defaults before /accounts/{id}).
  compiled.sort((a, b) => a.names.length - b.names.length);
  table = { operations: ops, routes: compiled };
  return compiled;
}

interface Found {
  route: Route;
  params: Record<string, string>;
}

function find(method: string, pathname: string): Found | { allow: string[] } | null {
  const allow: string[] = [];
  for (const route of routes()) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.op.method !== method) {
      allow.push(route.op.method);
      continue;
    }
    const params: Record<string, string> = {};
    route.names.forEach((n, i) => {
      params[n] = safeDecode(m[i + 1]!);
    });
    return { route, params };
  }
  return allow.length ? { allow } : null;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Answers one API request. */
export async function serve(req: Request): Promise<Response> {
  const started = performance.now();
  const requestId = newRequestId();
  const url = new URL(req.url);
  const found = find(req.method === "HEAD" ? "GET" : req.method, url.pathname);
  let res: Response;
  try {
    if (!found) throw new AppError("not_found", "No such endpoint.");
    if (!("route" in found)) throw new AppError("method_not_allowed", `Use ${found.allow.join(", ")}.`, { headers: { allow: found.allow.join(", ") } });
    res = await run(found.route.op, found.params, req, url, requestId);
  } catch (err) {
    res = problemResponse(err, (e) => log.error("unhandled error in route", { requestId, method: req.method, path: url.pathname, err: e }));
  }
  res.headers.set("x-request-id", requestId);
  if (!res.headers.has("cache-control")) res.headers.set("cache-control", "no-store");
  if (found && "route" in found && found.route.op.metrics !== false)
    recordRequest(found.route.label, req.method, res.status, (performance.now() - started) / 1000);
  return res;
}

async function run(op: Operation, rawParams: Record<string, string>, req: Request, url: URL, requestId: string): Promise<Response> {
  const admission = await admit(op, { method: req.method, headers: req.headers, tenantQuery: url.searchParams.get("tenant") });
  let params: unknown;
  if (op.params) {
    const r = op.params.safeParse(rawParams);
    if (!r.success) throw new AppError("not_found", "Not found.");
    params = r.data;
  }
  const rawBody = op.body ? await readJsonBody(req, op.bodyLimit ?? DEFAULT_BODY_LIMIT) : undefined;
  const attempt = () =>
    enter(admission, op, async (scope) => {
      const query = op.query ? parseWith(op.query, Object.fromEntries(url.searchParams)) : undefined;
      const body = op.body ? parseWith(op.body, rawBody) : undefined;
      return toResponse(await op.handler({ ...scope, req, requestId, params, query, body }));
    });
  try {
    return await attempt();
  } catch (err) {
    // A connection cut under a safe request (a restart, a failover): once more, on a fresh connection.
    // Writes are not repeated here: the client decides (503 with Retry-After).
    if (isSafeMethod(req.method) && isTransient(err)) return attempt();
    throw err;
  }
}

function toResponse(value: unknown): Response {
  if (value instanceof Response) return value;
  if (value === undefined) return new Response(null, { status: 204 });
  return Response.json(value);
}
