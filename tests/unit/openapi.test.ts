import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, expectTypeOf, it, vi } from "vitest";
import { z } from "zod";
import packageJson from "@/package.json";
import { AppError, ERROR_STATUS, toProblem, type Problem } from "@/lib/errors";
import type { archiveClient, createClient, listClients, updateClient } from "@/lib/provisioning";
import { ZClientView, ZCreateClientResponse } from "@/lib/provisioning";
import type { createSuperAdmin, listSuperAdmins, updateSuperAdmin } from "@/lib/enterprise/super-admins";
import { ZSuperAdminView } from "@/lib/enterprise/super-admins";
import type { listAssignedClients } from "@/lib/super-admin";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { allOperations } from "@/lib/api/operations";
import type { Operation } from "@/lib/http/operation";
import { ZClientPage, ZSuperAdminList } from "@/lib/api/operations/enterprise";
import { ZAssignedClientList } from "@/lib/api/operations/super-admin";
import { ZProblem } from "@/lib/api/openapi/problem";
import { assertKnownKeywords, resolveRef, validate } from "@/tests/helpers/json-schema";

// The OpenAPI document is built from the same operation declarations the router
// serves (lib/api/operations), so it cannot drift from the code; these tests hold
// it structurally sound and check that the published request schemas agree with
// zod on known-good examples.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking an arbitrary JSON document
type Json = any;

const OPERATIONS = allOperations();
const doc: Json = buildOpenApiDocument(OPERATIONS, { env: { APP_DOMAIN: "example.com", PORT: 3000, NODE_ENV: "production" }, version: "9.9.9" });
const key = (method: string, p: string) => `${method.toUpperCase()} ${p}`;
const opOf = (method: string, p: string) => OPERATIONS.find((o) => o.method === method && o.path === p);
const docOp = (o: Operation): Json => doc.paths[o.path][o.method.toLowerCase()];

/** Every schema object in the document, with where it is. */
function schemas(node: Json, at: string, out: { at: string; schema: Json }[] = []): { at: string; schema: Json }[] {
  if (Array.isArray(node)) node.forEach((n, i) => schemas(n, `${at}/${i}`, out));
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "schema" || (k === "schemas" && at === "#/components")) {
        const list = k === "schema" ? [[`${at}/schema`, v]] : Object.entries(v as object).map(([n, s]) => [`${at}/schemas/${n}`, s]);
        for (const [where, s] of list as [string, Json][]) subschemas(s, where, out);
      } else if (k !== "examples" && k !== "example") schemas(v, `${at}/${k}`, out);
    }
  }
  return out;
}
function subschemas(s: Json, at: string, out: { at: string; schema: Json }[]): void {
  out.push({ at, schema: s });
  for (const [name, sub] of Object.entries(s.properties ?? {})) subschemas(sub, `${at}/properties/${name}`, out);
  if (s.items && typeof s.items === "object") subschemas(s.items, `${at}/items`, out);
  if (s.additionalProperties && typeof s.additionalProperties === "object") subschemas(s.additionalProperties, `${at}/additionalProperties`, out);
  for (const k of ["anyOf", "oneOf", "allOf"]) (s[k] ?? []).forEach((sub: Json, i: number) => subschemas(sub, `${at}/${k}/${i}`, out));
}

/** The keys zod requires of an object schema's input (a transform or refine around it is looked through). */
function zodShape(schema: z.ZodType): Record<string, z.ZodType> {
  let s: z.ZodType = schema;
  while (s instanceof z.ZodPipe) s = s.in as z.ZodType;
  if (!(s instanceof z.ZodObject)) throw new Error("not an object schema");
  return s.shape as Record<string, z.ZodType>;
}
const zodRequired = (schema: z.ZodType) =>
  Object.entries(zodShape(schema))
    .filter(([, f]) => !f.safeParse(undefined).success)
    .map(([k]) => k)
    .sort();

describe("the document describes exactly what the router serves", () => {
  it("has one entry per operation, each unique", () => {
    expect(OPERATIONS.length).toBeGreaterThan(40); // guards against a vacuous pass (nothing registered)
    const fromCatalogue = OPERATIONS.map((o) => key(o.method, o.path));
    expect(new Set(fromCatalogue).size, "an operation is declared twice").toBe(fromCatalogue.length);
    const inDocument = Object.entries(doc.paths as Record<string, Json>).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((k) => k !== "servers")
        .map((m) => key(m, p)),
    );
    expect(inDocument.sort()).toEqual([...fromCatalogue].sort());
  });
});

describe("the document is structurally sound", () => {
  it("is OpenAPI 3.1 with the package version", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.version).toBe("9.9.9");
    expect(doc.components.schemas.Problem).toBeDefined();
  });

  it("resolves every $ref", () => {
    const refs: string[] = [];
    const walk = (n: Json) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === "object") {
        for (const [k, v] of Object.entries(n)) {
          if (k === "$ref") refs.push(v as string);
          else walk(v);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(10);
    const broken = refs.filter((r) => {
      try {
        resolveRef(doc, r);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toEqual([]);
  });

  it("declares every path parameter, and only those, as required path parameters", () => {
    const problems: string[] = [];
    for (const [p, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const names = [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
        if (method === "servers") continue;
        const params = (operation.parameters ?? []).map((x: Json) => (x.$ref ? resolveRef(doc, x.$ref) : x));
        const declared = params.filter((x: Json) => x.in === "path");
        for (const n of names) if (!declared.some((x: Json) => x.name === n && x.required === true)) problems.push(`${method} ${p}: {${n}} not declared`);
        for (const x of declared) if (!names.includes(x.name)) problems.push(`${method} ${p}: path parameter ${x.name} is not in the path`);
        const seen = params.map((x: Json) => `${x.in}:${x.name}`);
        if (new Set(seen).size !== seen.length) problems.push(`${method} ${p}: a parameter is declared twice`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has unique operationIds, known tags and security schemes", () => {
    const ops = OPERATIONS.map(docOp);
    const ids = ops.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z][A-Za-z0-9]*$/.test(id))).toBe(true);
    const tags = doc.tags.map((t: Json) => t.name);
    for (const o of ops) {
      expect(tags).toContain(o.tags[0]);
      for (const req of o.security) for (const name of Object.keys(req)) expect(doc.components.securitySchemes).toHaveProperty(name);
    }
  });

  it("answers problems as application/problem+json with the shared Problem schema, and only statuses lib/errors has", () => {
    const statuses = new Set<number>(Object.values(ERROR_STATUS));
    for (const o of OPERATIONS) {
      const responses = docOp(o).responses as Record<string, Json>;
      const success = Object.keys(responses).filter((s) => s.startsWith("2"));
      expect(success, `${o.method} ${o.path}`).toEqual([String(o.success.status)]);
      for (const [s, r] of Object.entries(responses)) {
        if (s.startsWith("2")) continue;
        expect(statuses.has(Number(s)), `${o.method} ${o.path}: ${s} is not a status lib/errors answers`).toBe(true);
        expect(r.content, `${o.method} ${o.path} ${s}`).toEqual({ "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } });
      }
    }
  });

  it("derives problem responses from route() options", () => {
    const codes = (method: string, p: string) => Object.keys(docOp(opOf(method, p)!).responses);
    expect(codes("POST", "/api/client/transactions")).toEqual(["201", "400", "401", "403", "404", "413", "415", "422", "423", "429", "503"]);
    expect(codes("GET", "/api/enterprise/super-admins")).toEqual(["200", "401", "403", "429"]);
    expect(codes("POST", "/api/enterprise/auth/login")).toEqual(["200", "400", "401", "403", "413", "415", "422", "429"]);
    expect(codes("GET", "/api/health")).toEqual(["200", "503"]);
    expect(codes("GET", "/api/openapi.json")).toEqual(["200"]);
    const deleteEntry = docOp(opOf("DELETE", "/api/client/transactions/{id}")!);
    expect(deleteEntry.responses["204"].content).toBeUndefined();
    expect(deleteEntry.responses["409"].description).toMatch(/not a DRAFT/);
    expect(deleteEntry["x-permission"]).toBe("ledger:transactions:write");
    expect(deleteEntry["x-principal-kinds"]).toEqual(["client-user"]);
    expect(deleteEntry.description).toContain("`ledger:transactions:write`");
    expect(deleteEntry.parameters).toContainEqual({ $ref: "#/components/parameters/TenantId" });
    expect(deleteEntry.responses["401"].headers).toHaveProperty("WWW-Authenticate");
    expect(docOp(opOf("POST", "/api/enterprise/auth/login")!).responses["401"].headers).not.toHaveProperty("WWW-Authenticate"); // wrong password: no challenge
    expect(docOp(opOf("GET", "/api/health")!).security).toEqual([]);
    expect(docOp(opOf("GET", "/api/metrics")!).security).toEqual([{ metricsToken: [] }]);
    expect(docOp(opOf("GET", "/api/enterprise/modules")!)["x-principal-kinds"]).toEqual(["enterprise-admin", "super-admin"]);
  });

  const emptySchemas = (d: Json) =>
    schemas(d, "#")
      .filter(
        ({ schema }) =>
          schema && typeof schema === "object" && Object.keys(schema).filter((k) => !["description", "default", "title"].includes(k)).length === 0,
      )
      .map((e) => e.at);

  it("has no schema that accepts anything ({}) and only keywords the example validator applies", () => {
    const all = schemas(doc, "#");
    expect(all.length).toBeGreaterThan(50);
    expect(emptySchemas(doc), "a zod schema became {} (z.any/z.unknown?): give it a real type").toEqual([]);
    for (const { at, schema } of all) expect(() => assertKnownKeywords(schema, at)).not.toThrow();
    // The check itself finds one:
    const loose = buildOpenApiDocument([{ ...OPERATIONS[0]!, body: z.object({ anything: z.any() }) }], {
      env: { APP_DOMAIN: "localhost", PORT: 3000, NODE_ENV: "development" },
      version: "0",
    });
    expect(emptySchemas(loose)).toEqual([expect.stringMatching(/\/requestBody\/.*\/schema\/properties\/anything$/)]);
  });

  it("fails loudly on a zod schema JSON Schema cannot describe", () => {
    const bad: Operation = { ...OPERATIONS[0]!, body: z.object({ when: z.date() }) };
    expect(() => buildOpenApiDocument([bad], { env: { APP_DOMAIN: "localhost", PORT: 3000, NODE_ENV: "development" }, version: "0" })).toThrow(
      /cannot be described as JSON Schema/,
    );
    const custom: Operation = { ...OPERATIONS[0]!, body: z.object({ x: z.custom<string>() }) };
    expect(() => buildOpenApiDocument([custom], { env: { APP_DOMAIN: "localhost", PORT: 3000, NODE_ENV: "development" }, version: "0" })).toThrow(
      /POST \/api\/enterprise\/auth\/login body/,
    );
  });

  it("names the servers from APP_DOMAIN and PORT, with the tenant's host for client routes", () => {
    expect(doc.servers).toEqual([expect.objectContaining({ url: "https://example.com" })]);
    expect(doc.paths["/api/client/users"].servers.map((s: Json) => s.url)).toEqual(["https://{tenant}.example.com", "https://example.com"]);
    expect(doc.paths["/api/enterprise/clients"].servers).toBeUndefined();
    const dev = buildOpenApiDocument(OPERATIONS, { env: { APP_DOMAIN: "localhost", PORT: 4123, NODE_ENV: "development" }, version: "0" }) as Json;
    expect(dev.servers[0].url).toBe("http://localhost:4123");
    expect(dev.paths["/api/client/users"].servers[0]).toMatchObject({ url: "http://{tenant}.localhost:4123", variables: { tenant: { default: "acme" } } });
  });
});

describe("request schemas agree with zod", () => {
  const withBody = OPERATIONS.filter((o) => o.body);
  const withQuery = OPERATIONS.filter((o) => o.query);

  it.each(withBody.map((o) => ({ name: key(o.method, o.path), o })))("$name: the body's properties and required fields are zod's", ({ o }) => {
    const schema = docOp(o).requestBody.content["application/json"].schema;
    expect(docOp(o).requestBody.required).toBe(true);
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(zodShape(o.body!)).sort());
    expect([...(schema.required ?? [])].sort()).toEqual(zodRequired(o.body!));
  });

  it.each(withQuery.map((o) => ({ name: key(o.method, o.path), o })))("$name: the query parameters and their required flags are zod's", ({ o }) => {
    const params = (docOp(o).parameters as Json[]).filter((x) => x.in === "query");
    expect(params.map((x) => x.name).sort()).toEqual(Object.keys(zodShape(o.query!)).sort());
    expect(
      params
        .filter((x) => x.required)
        .map((x) => x.name)
        .sort(),
    ).toEqual(zodRequired(o.query!));
  });

  it.each(withBody.map((o) => ({ name: key(o.method, o.path), o })))(
    "$name: every example parses with zod and validates against the published schema",
    ({ o }) => {
      expect(Object.keys(o.examples ?? {}).length, "give the operation at least one known-good example").toBeGreaterThan(0);
      const media = docOp(o).requestBody.content["application/json"];
      for (const [name, value] of Object.entries(o.examples!)) {
        const parsed = o.body!.safeParse(value);
        expect(parsed.success ? [] : parsed.error.issues, `zod refuses example ${name}`).toEqual([]);
        expect(validate(media.schema, value, doc), `the JSON Schema refuses example ${name}`).toEqual([]);
        expect(media.examples[name].value).toEqual(value);
      }
    },
  );

  // The two bodies that matter most: minimal = exactly the required fields, full = every field.
  it.each([
    ["POST", "/api/enterprise/clients/create"],
    ["POST", "/api/client/transactions"],
  ])("%s %s: the minimal example is exactly what both require; the full one uses every field", (method, p) => {
    const o = opOf(method, p)!;
    const schema = docOp(o).requestBody.content["application/json"].schema;
    const { minimal, full } = o.examples as { minimal: Record<string, unknown>; full: Record<string, unknown> };
    expect(Object.keys(minimal).sort()).toEqual([...schema.required].sort());
    expect(Object.keys(full).sort()).toEqual(Object.keys(schema.properties).sort());
    for (const k of Object.keys(minimal)) {
      const { [k]: _dropped, ...without } = minimal;
      expect(o.body!.safeParse(without).success, `zod accepts the body without ${k}`).toBe(false);
      expect(validate(schema, without, doc).length, `the JSON Schema accepts the body without ${k}`).toBeGreaterThan(0);
    }
  });

  it("both refuse known-bad bodies", () => {
    const create = opOf("POST", "/api/client/transactions")!;
    const entrySchema = docOp(create).requestBody.content["application/json"].schema;
    const good = (create.examples as Json).minimal;
    for (const bad of [
      { ...good, lines: good.lines.slice(0, 1) }, // one line
      { ...good, lines: [{ ...good.lines[0], debit: 125 }, good.lines[1]] }, // money as a number
      { ...good, lines: [{ ...good.lines[0], accountId: "not-a-uuid" }, good.lines[1]] },
      { ...good, date: "31/03/2026" },
    ]) {
      expect(create.body!.safeParse(bad).success).toBe(false);
      expect(validate(entrySchema, bad, doc)).not.toEqual([]);
    }
    const client = opOf("POST", "/api/enterprise/clients/create")!;
    const clientSchema = docOp(client).requestBody.content["application/json"].schema;
    const unknownField = { ...(client.examples as Json).minimal, plan: "gold" }; // .strict()
    expect(client.body!.safeParse(unknownField).success).toBe(false);
    expect(validate(clientSchema, unknownField, doc)).toEqual(['$: unexpected property "plan"']);
  });

  it("describes refinements it cannot express as looser, never stricter, than zod", () => {
    // "exactly one of debit or credit" is a zod refine: the JSON Schema lets it through, the server answers 422.
    const create = opOf("POST", "/api/client/transactions")!;
    const good = (create.examples as Json).minimal;
    const both = { ...good, lines: [{ ...good.lines[0], credit: "1.00" }, good.lines[1]] };
    expect(create.body!.safeParse(both).success).toBe(false);
    expect(validate(docOp(create).requestBody.content["application/json"].schema, both, doc)).toEqual([]);
  });
});

describe("the Problem schema is what lib/errors sends", () => {
  it("has lib/errors' Problem type", () => {
    expectTypeOf<z.infer<typeof ZProblem>>().toEqualTypeOf<Problem>();
  });

  it("accepts real problems and refuses a bare message", () => {
    const samples = [
      toProblem(
        new AppError("validation_failed", "The request is not valid.", { fields: [{ path: "lines.0.debit", message: "must be a non-negative amount" }] }),
      ).problem,
      toProblem(z.object({ a: z.string() }).safeParse({}).error).problem,
      toProblem(new Error("secret database text"), () => undefined).problem,
      toProblem(new AppError("rate_limited")).problem,
    ];
    for (const p of samples) {
      expect(ZProblem.safeParse(p).success).toBe(true);
      expect(validate(doc.components.schemas.Problem, p, doc)).toEqual([]);
    }
    expect(validate(doc.components.schemas.Problem, { message: "nope" }, doc)).not.toEqual([]);
  });
});

describe("response schemas are the services' answers", () => {
  it("types match (checked by tsc)", () => {
    type Out<S extends z.ZodType> = z.output<S>;
    expectTypeOf<Awaited<ReturnType<typeof listClients>>>().toEqualTypeOf<Out<typeof ZClientPage>>();
    expectTypeOf<Awaited<ReturnType<typeof createClient>>["body"]>().toEqualTypeOf<Out<typeof ZCreateClientResponse>>();
    expectTypeOf<Awaited<ReturnType<typeof updateClient>>>().toEqualTypeOf<Out<typeof ZClientView>>();
    expectTypeOf<Awaited<ReturnType<typeof archiveClient>>>().toEqualTypeOf<Out<typeof ZClientView>>();
    expectTypeOf<{ superAdmins: Awaited<ReturnType<typeof listSuperAdmins>> }>().toEqualTypeOf<Out<typeof ZSuperAdminList>>();
    expectTypeOf<Awaited<ReturnType<typeof createSuperAdmin>>>().toEqualTypeOf<Out<typeof ZSuperAdminView>>();
    expectTypeOf<Awaited<ReturnType<typeof updateSuperAdmin>>>().toEqualTypeOf<Out<typeof ZSuperAdminView>>();
    expectTypeOf<{ clients: Awaited<ReturnType<typeof listAssignedClients>> }>().toEqualTypeOf<Out<typeof ZAssignedClientList>>();
  });

  it("publishes them where they exist", () => {
    const schemaOf = (method: string, p: string) =>
      docOp(opOf(method, p)!).responses[String(opOf(method, p)!.success.status)].content["application/json"].schema;
    expect(schemaOf("GET", "/api/enterprise/clients").properties.items.items.properties.schemaBehind).toEqual({ type: "boolean" });
    expect(schemaOf("POST", "/api/enterprise/clients/create").required).toEqual(["clientId", "slug", "dbName", "status"]);
    expect(docOp(opOf("GET", "/api/client/users")!).responses["200"].content).toEqual({ "application/json": {} });
  });
});

describe("GET /api/openapi.json", () => {
  afterAll(() => vi.unstubAllEnvs());

  it("serves the document for this server, public and cacheable", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://never:used@127.0.0.1:1/none");
    vi.stubEnv("MASTER_KEY", randomBytes(32).toString("base64"));
    vi.stubEnv("AUTH_SECRET", randomBytes(32).toString("base64url"));
    vi.stubEnv("APP_DOMAIN", "erp.example.org");
    vi.stubEnv("PORT", "4321");
    const { GET } = await import("@/app/api/[...path]/route");
    const res = await GET(new Request("http://erp.example.org:4321/api/openapi.json"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const body = (await res.json()) as Json;
    expect(body.openapi).toBe("3.1.0");
    expect(body.info.version).toBe(packageJson.version);
    expect(body.servers[0].url).toBe("http://erp.example.org:4321"); // NODE_ENV=test: not production
    expect(Object.keys(body.paths)).toContain("/api/openapi.json");
    expect(JSON.parse(readFileSync("package.json", "utf8")).version).toBe(body.info.version);
  });
});
