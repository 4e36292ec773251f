import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { MemoryStore, setDefaultStore } from "@/lib/ratelimit";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { dispatch } from "@/tests/helpers/dispatch";
import { valueFor } from "@/tests/helpers/hostile";
import { destroyTenants, makeEnterpriseAdminToken, makeSuperAdminToken, makeTenant, makeUser, tenantHeaders } from "@/tests/helpers/tenants";

// Finding 4 (issue 10): hostile input reached the database and came back as 500
// (a NUL in any text, cursors beyond bigint, year-0000 dates…). This walks EVERY
// operation of the published OpenAPI document — its paths, methods, parameters
// and JSON Schemas, not the code's types — and sends generated values that mostly
// fit the schema (so they get past validation) with hostile parts mixed in,
// authenticated as a principal the operation accepts. No answer may be a 5xx,
// every error is problem+json without a stack or SQL, and the server stays
// healthy. Requests go through tests/helpers/dispatch.ts only.

type Json = { [k: string]: unknown };
const doc = openApiDocument() as Json;
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const RUNS = 20;

interface Op {
  method: (typeof METHODS)[number];
  path: string;
  op: Json;
}
const ops: Op[] = [];
for (const [p, item] of Object.entries(doc.paths as Record<string, Json>))
  for (const m of METHODS) if (item[m]) ops.push({ method: m, path: p, op: item[m] as Json });

let tenant: TenantRecord;
const tokens: Record<string, string> = {};
const clientIds: string[] = [];
const adminIds: string[] = [];

beforeAll(async () => {
  setDefaultStore(new MemoryStore());
  ({ tenant } = await makeTenant());
  const victim = await makeTenant();
  const owner = await makeUser(tenant, ["Owner"]);
  const other = await makeUser(tenant, ["Viewer"]);
  tokens["client-user"] = owner.token;
  tokens["enterprise-admin"] = await makeEnterpriseAdminToken();
  tokens["super-admin"] = await makeSuperAdminToken();
  clientIds.push(other.principal.id, ...(await withTenantDb(tenant, async (db) => (await db.role.findMany({ select: { id: true } })).map((r) => r.id))));
  adminIds.push(victim.tenant.id);
}, 120_000);
afterAll(async () => {
  setDefaultStore();
  await destroyTenants();
});

function requestFor({ method, path, op }: Op, kind: string | undefined): fc.Arbitrary<Request> {
  const hints = { ids: path.startsWith("/api/client/") ? clientIds : adminIds };
  const params = ((op.parameters as Json[] | undefined) ?? []).map((p) =>
    p.$ref ? (doc.components as Json & { parameters: Record<string, Json> }).parameters[String(p.$ref).split("/").pop()!]! : p,
  );
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const bodySchema = ((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.["application/json"]?.schema as Json | undefined;
  const segs: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of pathParams) segs[p.name as string] = valueFor(p.schema as Json, doc, hints);
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of queryParams) query[p.name as string] = valueFor(p.schema as Json, doc, hints);
  return fc
    .record({
      segs: fc.record(segs),
      query: fc.record(query, { requiredKeys: [] }),
      body: bodySchema ? valueFor(bodySchema, doc, hints) : fc.constant(undefined),
    })
    .map(({ segs, query, body }) => {
      const url = new URL(`http://localhost:3000${path.replace(/\{(\w+)\}/g, (_, n) => encodeSegment(String(segs[n])))}`);
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, typeof v === "string" ? v : JSON.stringify(v));
      const headers = new Headers({ host: "localhost:3000", "x-forwarded-for": "10.99.0.1" });
      if (kind) headers.set("authorization", `Bearer ${tokens[kind]}`);
      if (path.startsWith("/api/client/")) for (const [k, v] of Object.entries(tenantHeaders(tenant))) headers.set(k, v);
      if (path === "/api/metrics") headers.set("authorization", `Bearer ${process.env.METRICS_TOKEN}`);
      let payload: string | undefined;
      if (bodySchema) {
        headers.set("content-type", "application/json");
        payload = JSON.stringify(body ?? null);
      }
      return new Request(url, { method: method.toUpperCase(), headers, body: payload });
    });
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes as its raw UTF-8 bytes. */
function encodeSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...Buffer.from(s, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  }
}

async function expectNo5xx(req: Request): Promise<void> {
  const res = await dispatch(req);
  const text = await res.text();
  const where = `${req.method} ${new URL(req.url).pathname}${new URL(req.url).search.slice(0, 200)}`;
  expect(res.status, `${where} answered ${res.status}: ${text.slice(0, 300)}`).toBeLessThan(500);
  if (res.status >= 400 && text) {
    expect(res.headers.get("content-type"), where).toBe("application/problem+json");
    expect(text, where).not.toMatch(/\n\s+at |prisma|SQLSTATE|invalid byte sequence|syntax error at/i);
  }
}

describe("finding 4: every OpenAPI operation, hostile values → never a 5xx", () => {
  it("the document has operations to walk", () => {
    expect(ops.length).toBeGreaterThan(40);
  });

  for (const o of ops) {
    const kinds = (o.op["x-principal-kinds"] as string[] | undefined) ?? [];
    const kind = kinds.includes("client-user") ? "client-user" : kinds[0];
    it(`${o.method.toUpperCase()} ${o.path}`, async () => {
      await fc.assert(fc.asyncProperty(requestFor(o, kind), expectNo5xx), { numRuns: RUNS });
    });
  }

  it("the server is still healthy afterwards", async () => {
    const res = await dispatch(new Request("http://localhost:3000/api/health"));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });
});
