// A small JSON Schema 2020-12 validator for the keywords zod emits, so the
// OpenAPI test can check examples against the published schemas without a
// dependency. A keyword it does not know throws: it never passes by ignoring.

type Schema = { [k: string]: unknown };

const ANNOTATIONS = new Set(["description", "title", "default", "examples", "format", "deprecated", "readOnly", "writeOnly"]);
const KNOWN = new Set([
  ...ANNOTATIONS,
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "pattern",
  "minLength",
  "maxLength",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
  "anyOf",
  "oneOf",
  "allOf",
  "$ref",
]);

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

/** Every keyword in the schema (and its subschemas) is one this validator applies. */
export function assertKnownKeywords(schema: Schema, at = "#"): void {
  for (const [k, v] of Object.entries(schema)) {
    if (!KNOWN.has(k)) throw new Error(`${at}: unknown JSON Schema keyword "${k}"`);
    if (k === "properties") for (const [name, sub] of Object.entries(v as Record<string, Schema>)) assertKnownKeywords(sub, `${at}/properties/${name}`);
    if ((k === "items" || k === "additionalProperties") && typeof v === "object" && v !== null) assertKnownKeywords(v as Schema, `${at}/${k}`);
    if (k === "anyOf" || k === "oneOf" || k === "allOf") (v as Schema[]).forEach((sub, i) => assertKnownKeywords(sub, `${at}/${k}/${i}`));
  }
}

/** Errors of `value` against `schema` ([] when valid); `root` resolves local $refs (#/components/…). */
export function validate(schema: Schema, value: unknown, root: Schema = schema, at = "$"): string[] {
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(`${at}: ${msg}`);
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`${at}: unknown JSON Schema keyword "${k}"`);

  if (typeof schema.$ref === "string") {
    const target = resolveRef(root, schema.$ref);
    errors.push(...validate(target, value, root, at));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => matchesType(value, t))) return [`${at}: expected ${types.join(" or ")}, got ${typeOf(value)}`];
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value)))
    fail(`not one of ${JSON.stringify(schema.enum)}`);
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) fail(`not ${JSON.stringify(schema.const)}`);

  if (typeof value === "string") {
    const len = [...value].length;
    if (typeof schema.minLength === "number" && len < schema.minLength) fail(`shorter than ${schema.minLength}`);
    if (typeof schema.maxLength === "number" && len > schema.maxLength) fail(`longer than ${schema.maxLength}`);
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) fail(`does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) fail(`below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) fail(`above ${schema.maximum}`);
    if (typeof schema.exclusiveMinimum === "number" && value <= schema.exclusiveMinimum) fail(`not above ${schema.exclusiveMinimum}`);
    if (typeof schema.exclusiveMaximum === "number" && value >= schema.exclusiveMaximum) fail(`not below ${schema.exclusiveMaximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (typeof schema.maxItems === "number" && value.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    if (schema.items && typeof schema.items === "object")
      value.forEach((item, i) => errors.push(...validate(schema.items as Schema, item, root, `${at}[${i}]`)));
  }
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in obj)) fail(`missing required "${name}"`);
    for (const [name, v] of Object.entries(obj)) {
      if (props[name]) errors.push(...validate(props[name]!, v, root, `${at}.${name}`));
      else if (schema.additionalProperties === false) fail(`unexpected property "${name}"`);
      else if (typeof schema.additionalProperties === "object" && schema.additionalProperties !== null)
        errors.push(...validate(schema.additionalProperties as Schema, v, root, `${at}.${name}`));
    }
  }
  if (schema.allOf) for (const sub of schema.allOf as Schema[]) errors.push(...validate(sub, value, root, at));
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((sub) => validate(sub, value, root, at).length === 0)) fail("matches none of anyOf");
  if (schema.oneOf && (schema.oneOf as Schema[]).filter((sub) => validate(sub, value, root, at).length === 0).length !== 1)
    fail("does not match exactly one of oneOf");
  return errors;
}

export function resolveRef(root: Schema, ref: string): Schema {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref
    .slice(2)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"))) {
    if (typeof node !== "object" || node === null || !(part in node)) throw new Error(`$ref ${ref} does not resolve`);
    node = (node as Record<string, unknown>)[part];
  }
  return node as Schema;
}
