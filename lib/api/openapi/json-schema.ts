import { z } from "zod";

// zod 4 → JSON Schema 2020-12 (what OpenAPI 3.1 uses). Requests are described
// as the client sends them (io: "input": before trims and transforms, fields
// with a default are optional); answers as the server sends them ("output").
// Refinements (.refine, a date that exists, "exactly one of debit or credit")
// have no JSON Schema form: the server still enforces them (422). Anything
// else that cannot be represented (z.custom, z.date, an output transform)
// throws instead of silently becoming {} — the document test builds every
// schema, so that shows up there first.

export type JsonSchema = { [key: string]: unknown };

export function toJsonSchema(schema: z.ZodType, io: "input" | "output", where: string): JsonSchema {
  let out: JsonSchema;
  try {
    out = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "throw", cycles: "throw", reused: "inline" }) as JsonSchema;
  } catch (err) {
    throw new Error(`${where}: the zod schema cannot be described as JSON Schema (${err instanceof Error ? err.message : String(err)})`);
  }
  delete out.$schema;
  return out;
}

/** The properties and required names of an object schema (query and path parameters become one parameter each). */
export function objectParts(schema: JsonSchema, where: string): { properties: Record<string, JsonSchema>; required: string[] } {
  if (schema.type !== "object" || typeof schema.properties !== "object" || schema.properties === null) {
    throw new Error(`${where}: parameters need a z.object schema, got ${JSON.stringify(schema).slice(0, 120)}`);
  }
  return { properties: schema.properties as Record<string, JsonSchema>, required: (schema.required as string[] | undefined) ?? [] };
}
