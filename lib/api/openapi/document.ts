import type { PrincipalKind } from "../../edge/principal";
import { objectParts, toJsonSchema, type JsonSchema } from "./json-schema";
import { problemHeaders, problemReasons, STATUS_TITLES, ZProblem } from "./problem";
import { apexServer, tenantServer, type ServerEnv } from "./servers";
import { kindsOf, type Operation } from "../../http/operation";

// Builds the OpenAPI 3.1 document from the operation catalogue. Pure: the
// catalogue, the server settings and the version in, a JSON value out.

export interface DocumentOptions {
  env: ServerEnv;
  version: string;
}

type Json = JsonSchema;

const WHO: Record<PrincipalKind, string> = {
  "enterprise-admin": "an enterprise admin (token from POST /api/enterprise/auth/login)",
  "super-admin": "a super admin (token from POST /api/super-admin/auth/login)",
  "client-user": "a client user (token from POST /api/client/auth/login)",
};

const PROBLEM_JSON = "application/problem+json";
const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

const isClientPath = (path: string) => path.startsWith("/api/client/");

/** enterprise, super-admin, system, or client/<area> (client/transactions, client/reports, …). */
export function tagOf(path: string): string {
  const [, api, area, sub] = path.split("/");
  if (api !== "api") throw new Error(`${path}: API paths start with /api/`);
  if (area === "client") return `client/${sub}`;
  if (area === "enterprise" || area === "super-admin") return area;
  return "system";
}

function accessText(op: Operation): string {
  const kinds = kindsOf(op.auth);
  const lines: string[] = [];
  if (op.security === "metrics-token") lines.push("**Who:** a scraper holding `METRICS_TOKEN`, sent as a bearer token (not a JWT).");
  else if (kinds === "public") lines.push("**Who:** anyone (public, no token).");
  else lines.push(`**Who:** bearer JWT of ${kinds.map((k) => WHO[k]).join(" or ")}.`);
  if (op.permission) lines.push(`**Permission:** \`${op.permission}\` (through the user's roles, while the tenant has the module).`);
  if (kinds !== "public" && kinds.includes("client-user")) {
    lines.push(
      "**Tenant:** the token's own; `x-tenant-id` and the tenant's host, when present, must name the same tenant (else 403). Another tenant's object by id → 404.",
    );
  } else if (op.tenant) {
    lines.push("**Tenant:** named by `x-tenant-id` (id or slug) or by the tenant's subdomain.");
  }
  return lines.join("\n\n");
}

function parameters(op: Operation, where: string): Json[] {
  const out: Json[] = [];
  const placeholders = [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const params = op.params ? objectParts(toJsonSchema(op.params, "input", `${where} params`), `${where} params`) : { properties: {}, required: [] };
  for (const name of Object.keys(params.properties)) {
    if (!placeholders.includes(name)) throw new Error(`${where}: params schema has "${name}", the path has no {${name}}`);
  }
  for (const name of placeholders) out.push({ name, in: "path", required: true, schema: params.properties[name] ?? { type: "string" } });
  if (op.query) {
    const q = objectParts(toJsonSchema(op.query, "input", `${where} query`), `${where} query`);
    for (const [name, schema] of Object.entries(q.properties)) {
      const { description, ...rest } = schema;
      out.push({ name, in: "query", required: q.required.includes(name), schema: rest, ...(typeof description === "string" ? { description } : {}) });
    }
  }
  const kinds = kindsOf(op.auth);
  if (op.tenant || (kinds !== "public" && kinds.includes("client-user"))) out.push(ref("parameters", "TenantId"));
  for (const h of op.headers ?? []) out.push({ name: h.name, in: "header", required: false, description: h.description, schema: { type: "string" } });
  return out;
}

function responses(op: Operation, where: string): Json {
  const requestId = { "X-Request-Id": ref("headers", "X-Request-Id") };
  const s = op.success;
  const successHeaders = {
    ...requestId,
    ...Object.fromEntries((s.headers ?? []).map((h) => [h.name, { description: h.description, schema: { type: "string" } }])),
  };
  const out: Json = {
    [s.status]: {
      description: s.description,
      ...(Object.keys(successHeaders).length ? { headers: successHeaders } : {}),
      ...(s.status === 204
        ? {}
        : { content: { [s.contentType ?? "application/json"]: s.schema ? { schema: toJsonSchema(s.schema, "output", `${where} response`) } : {} } }),
    },
  };
  for (const [status, why] of problemReasons(op)) {
    const headers = { ...requestId, ...Object.fromEntries(problemHeaders(op, status).map((h) => [h, ref("headers", h)])) };
    out[status] = {
      description: `${STATUS_TITLES[status]}: ${why.join("; ")}.`,
      ...(Object.keys(headers).length ? { headers } : {}),
      content: { [PROBLEM_JSON]: { schema: ref("schemas", "Problem") } },
    };
  }
  return out;
}

function operationObject(op: Operation): Json {
  const where = `${op.method} ${op.path}`;
  const kinds = kindsOf(op.auth);
  const security = op.security === "metrics-token" ? [{ metricsToken: [] }] : kinds === "public" ? [] : [{ bearerAuth: [] }];
  const params = parameters(op, where);
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: accessText(op),
    tags: [tagOf(op.path)],
    security,
    ...(kinds === "public" ? {} : { "x-principal-kinds": kinds }),
    ...(op.permission ? { "x-permission": op.permission } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: toJsonSchema(op.body, "input", `${where} body`),
                ...(op.examples ? { examples: Object.fromEntries(Object.entries(op.examples).map(([name, value]) => [name, { value }])) } : {}),
              },
            },
          },
        }
      : {}),
    responses: responses(op, where),
  };
}

export function buildOpenApiDocument(operations: readonly Operation[], opts: DocumentOptions): Json {
  const paths: Record<string, Json> = {};
  for (const op of operations) {
    const item = (paths[op.path] ??= isClientPath(op.path) ? { servers: [tenantServer(opts.env), apexServer(opts.env)] } : {});
    const method = op.method.toLowerCase();
    if (item[method]) throw new Error(`${op.method} ${op.path} is in the catalogue twice`);
    item[method] = operationObject(op);
  }
  const tags = [...new Set(operations.map((o) => tagOf(o.path)))].sort().map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info: {
      title: "BISMAN ERP API",
      version: opts.version,
      description: [
        "The HTTP API of BISMAN ERP: the enterprise control plane (`/api/enterprise/*`), super admins (`/api/super-admin/*`) and each tenant's ERP (`/api/client/*`).",
        "Sign in with the matching `…/auth/login` to get a bearer token. Client routes need a tenant: the token's own, named again by the tenant's host or `x-tenant-id`.",
        "Every error is `application/problem+json` (RFC 9457, schema `Problem`); 422 carries the offending fields in `errors`. Unexpected failures answer a generic 500 problem.",
        "Request schemas are generated from the same zod schemas the routes validate with; rules JSON Schema cannot express (e.g. a calendar date that exists, one of debit or credit per line) are still enforced by the server (422).",
      ].join("\n\n"),
    },
    servers: [apexServer(opts.env)],
    tags,
    paths,
    components: {
      schemas: { Problem: toJsonSchema(ZProblem, "output", "Problem") },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description: "An access token (15 min) from one of the …/auth/login routes. Which kind of account a route takes is in its x-principal-kinds.",
        },
        metricsToken: { type: "http", scheme: "bearer", description: "The server's METRICS_TOKEN (GET /api/metrics only)." },
      },
      parameters: {
        TenantId: {
          name: "x-tenant-id",
          in: "header",
          required: false,
          description:
            "The tenant's id or slug. Needed on the apex host; on the tenant's own host (`<slug>.<APP_DOMAIN>`) the host names it. Every source present must agree (else 403).",
          schema: { type: "string" },
        },
      },
      headers: {
        "X-Request-Id": { description: "The request's id, as logged by the server.", schema: { type: "string", format: "uuid" } },
        "WWW-Authenticate": { description: "Bearer", schema: { type: "string" } },
        "Retry-After": { description: "Seconds to wait before trying again.", schema: { type: "string" } },
      },
    },
  };
}
