import type { z } from "zod";
import type { Permission } from "../../erp/modules";
import type { AuthOption } from "../handler";

// One entry per HTTP operation of app/api. The fields that route() acts on
// (auth, permission, body, query, params, rateLimit) carry the same values the
// route passes to route(), and the schemas are the same zod objects:
// tests/unit/openapi.test.ts reads every route file and fails on any difference.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Problem statuses a route can answer with; the reasons the document gives are derived or route-specific. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 423 | 429 | 503;

export interface Operation {
  method: HttpMethod;
  /** OpenAPI style: /api/client/transactions/{id}. */
  path: string;
  operationId: string;
  /** The route file's own banner comment for this method, verbatim (after "METHOD /path"). */
  summary: string;
  auth: AuthOption;
  permission?: Permission;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  rateLimit?: false;
  /** Not wrapped in route() (the health check): nothing is derived from route() options. */
  unwrapped?: true;
  /** Not a JWT: a scrape token compared by the route itself (GET /api/metrics). */
  security?: "metrics-token";
  /** The route resolves the tenant itself (client sign-in): x-tenant-id or the subdomain. */
  tenant?: true;
  /** Extra request headers the route reads. */
  headers?: readonly { name: string; description: string }[];
  /** Known-good request bodies, shown in the document and checked against zod and the JSON Schema. */
  examples?: Readonly<Record<string, unknown>>;
  success: {
    status: 200 | 201 | 204;
    description: string;
    /** A zod schema of the answer, where one exists (most answers are TypeScript types only). */
    schema?: z.ZodType;
    /** Default application/json. */
    contentType?: string;
    headers?: readonly { name: string; description: string }[];
  };
  /** Route-specific reasons, merged with the ones derived from auth, tenant, params, body and query. */
  problems?: Partial<Record<ProblemStatus, string>>;
}
