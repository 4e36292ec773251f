import fc from "fast-check";

// fast-check arbitraries built from JSON Schemas (as the OpenAPI document
// publishes them): values that mostly pass the schema's own checks, so that they
// reach the services and the database, with hostile parts mixed in — NUL
// characters, year-0000 and out-of-range dates, numbers beyond bigint and
// double, lone surrogates, long strings, markup and SQL.

type Schema = { [k: string]: unknown };

export const HOSTILE_STRINGS = [
  "\u0000",
  "a\u0000b",
  "0000-01-01",
  "0000-01-01T00:00:00Z",
  "0000-12-31T23:59:59.999+14:00",
  "9999-12-31T23:59:59Z",
  "10000-01-01",
  "-0001-01-01",
  "2026-02-30",
  "9223372036854775808",
  "99999999999999999999999999999",
  "-1",
  "0",
  "1e309",
  "NaN",
  "Infinity",
  "999999999999999.99995",
  "1000000000000000",
  "' OR 1=1 --",
  '"; DROP TABLE "User"; --',
  "<script>alert(1)</script>",
  "\uD800",
  "\uFFFF\uFFFE",
  "%00",
  "../../../../etc/passwd",
  "\u202Eevil",
  "x".repeat(5_000),
  "ä".repeat(300),
  " ",
  "",
] as const;

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);
const withNul = (s: string) => (s.length === 0 ? "\u0000" : `${s.slice(0, s.length >> 1)}\u0000${s.slice(s.length >> 1)}`);

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string" || !ref.startsWith("#/")) return schema;
  let at: unknown = root;
  for (const part of ref.slice(2).split("/")) at = (at as Schema)[part];
  return (at as Schema) ?? {};
}

function conformingString(s: Schema, hints: { ids: readonly string[] }): fc.Arbitrary<string> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as string[]));
  const format = s.format;
  if (format === "uuid") return fc.oneof(fc.constantFrom(...(hints.ids.length ? hints.ids : ["00000000-0000-4000-8000-000000000000"])), fc.uuid());
  if (format === "date")
    return fc.oneof(
      fc.constantFrom("0000-01-01", "0001-01-01", "2026-06-01", "9999-12-31"),
      fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    );
  if (format === "date-time") return fc.constantFrom("0000-01-01T00:00:00Z", "2026-06-01T12:00:00Z", "9999-12-31T23:59:59.999Z", "0001-01-01T00:00:00+14:00");
  if (format === "email") return fc.oneof(fc.emailAddress(), fc.constant("a\u0000b@example.com"));
  if (typeof s.pattern === "string") {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= Number(s.maxLength ?? 1_000) && v.length >= Number(s.minLength ?? 0));
    } catch {
      /* a pattern JavaScript cannot compile: fall through */
    }
  }
  const min = Number(s.minLength ?? 0);
  const max = Math.min(Number(s.maxLength ?? 60), 200);
  return fc.string({ minLength: Math.min(min, max), maxLength: max });
}

function stringArb(s: Schema, hints: { ids: readonly string[] }): fc.Arbitrary<string> {
  const ok = conformingString(s, hints);
  // Mostly shaped right (so it gets past validation), often with a NUL inside, sometimes plainly hostile.
  return fc.oneof({ arbitrary: ok, weight: 3 }, { arbitrary: ok.map(withNul), weight: 3 }, { arbitrary: hostileString, weight: 2 });
}

/** A value for `schema` (resolved against `root`), usually valid in shape, with hostile parts. */
export function valueFor(schema: Schema, root: Schema, hints: { ids: readonly string[] }, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  if (depth > 4) return fc.constant(null);
  for (const key of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(s[key])) return fc.oneof(...(s[key] as Schema[]).map((x) => valueFor(x, root, hints, depth + 1)));
  }
  if (Array.isArray(s.allOf)) return valueFor((s.allOf as Schema[])[0] ?? {}, root, hints, depth + 1);
  if ("const" in s) return fc.oneof(fc.constant(s.const), hostileString);
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === "string" ? [s.type] : [];
  const arbs: fc.Arbitrary<unknown>[] = [];
  for (const t of types) {
    if (t === "string") arbs.push(stringArb(s, hints));
    else if (t === "integer" || t === "number")
      arbs.push(
        fc.oneof(
          fc.integer({ min: Number(s.minimum ?? -10), max: Math.min(Number(s.maximum ?? 1_000), 1_000) }),
          fc.constantFrom(2 ** 63, -(2 ** 63), 1e308, -1, 0.5, Number.MAX_SAFE_INTEGER + 2),
          hostileString,
        ),
      );
    else if (t === "boolean") arbs.push(fc.oneof(fc.boolean(), hostileString));
    else if (t === "null") arbs.push(fc.constant(null));
    else if (t === "array") {
      const items = (s.items as Schema | undefined) ?? {};
      const maxItems = Math.min(Number(s.maxItems ?? 5), 5);
      const minItems = Math.min(Number(s.minItems ?? 0), maxItems);
      arbs.push(
        fc.oneof(
          { arbitrary: fc.array(valueFor(items, root, hints, depth + 1), { minLength: minItems, maxLength: maxItems }), weight: 4 },
          { arbitrary: hostileString, weight: 1 },
        ),
      );
    } else if (t === "object") arbs.push(objectArb(s, root, hints, depth));
  }
  if (arbs.length === 0) return fc.oneof(hostileString, fc.constant(null), fc.integer(), fc.constant({}));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function objectArb(s: Schema, root: Schema, hints: { ids: readonly string[] }, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((s.required as string[] | undefined) ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = valueFor(v, root, hints, depth + 1);
  const keys = Object.keys(model).filter((k) => required.has(k));
  return fc.record(model, { requiredKeys: keys });
}
