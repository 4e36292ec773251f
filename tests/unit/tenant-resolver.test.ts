import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseHost, parseTenantRef, resolveTenant, type ResolveInput } from "@/lib/edge/tenant";

const D = "example.com";
const base = { appDomain: D, production: true } satisfies Partial<ResolveInput>;
const A = { id: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", slug: "acme" };
const B = { id: "7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5", slug: "beta" };

describe("parseHost", () => {
  it.each([
    ["acme.example.com", { kind: "tenant", slug: "acme" }],
    ["ACME.Example.com:443", { kind: "tenant", slug: "acme" }],
    ["acme.example.com.", { kind: "tenant", slug: "acme" }],
    ["example.com", { kind: "apex" }],
    ["example.com:3000", { kind: "apex" }],
    ["www.example.com", { kind: "apex" }],
    ["a.b.example.com", { kind: "other" }],
    ["api.example.com", { kind: "other" }],
    ["acme.example.com.evil.test", { kind: "other" }],
    ["evilexample.com", { kind: "other" }],
    ["127.0.0.1:3000", { kind: "other" }],
    ["10.0.0.7", { kind: "other" }],
    ["[::1]:3000", { kind: "other" }],
    ["acme.example.com:abc", { kind: "other" }],
    ["", { kind: "other" }],
    ["-acme.example.com", { kind: "other" }],
  ])("%s", (host, expected) => {
    expect(parseHost(host, D)).toEqual(expected);
  });

  it("localhost subdomains in development", () => {
    expect(parseHost("acme.localhost:3000", "localhost")).toEqual({ kind: "tenant", slug: "acme" });
    expect(parseHost("localhost:3000", "localhost")).toEqual({ kind: "apex" });
    expect(parseHost("127.0.0.1:3000", "localhost")).toEqual({ kind: "other" });
  });
});

describe("resolveTenant", () => {
  it("follows the order claim > header > subdomain > query", () => {
    expect(resolveTenant({ ...base, production: false, claim: A, header: A.slug, host: `acme.${D}`, query: "acme" })).toMatchObject({
      ok: true,
      source: "claim",
      tenant: { by: "id", value: A.id },
    });
    expect(resolveTenant({ ...base, production: false, header: A.id, host: `acme.${D}`, query: "acme" })).toMatchObject({ ok: true, source: "header" });
    expect(resolveTenant({ ...base, production: false, host: `acme.${D}`, query: "acme" })).toMatchObject({
      ok: true,
      source: "subdomain",
      tenant: { by: "slug", value: "acme" },
    });
    expect(resolveTenant({ ...base, production: false, host: D, query: "acme" })).toMatchObject({ ok: true, source: "query" });
  });

  it("ignores ?tenant= in production", () => {
    expect(resolveTenant({ ...base, host: D, query: "acme" })).toMatchObject({ ok: true, tenant: null });
    expect(resolveTenant({ ...base, host: `beta.${D}`, query: "acme" })).toMatchObject({ ok: true, tenant: { value: "beta" } });
    expect(resolveTenant({ ...base, production: false, host: `beta.${D}`, query: "acme" })).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("refuses disagreement between any two sources", () => {
    expect(resolveTenant({ ...base, claim: A, header: B.slug })).toMatchObject({ ok: false, reason: "conflict", source: "header" });
    expect(resolveTenant({ ...base, claim: A, header: B.id })).toMatchObject({ ok: false, reason: "conflict" });
    expect(resolveTenant({ ...base, claim: A, host: `beta.${D}` })).toMatchObject({ ok: false, reason: "conflict", source: "subdomain" });
    expect(resolveTenant({ ...base, header: "acme", host: `beta.${D}` })).toMatchObject({ ok: false, reason: "conflict" });
  });

  it("asks for a record check when id and slug meet without a claim", () => {
    expect(resolveTenant({ ...base, header: A.id, host: `acme.${D}` })).toMatchObject({ ok: true, needsRecordCheck: true });
    expect(resolveTenant({ ...base, header: "acme", host: `acme.${D}` })).toMatchObject({ ok: true, needsRecordCheck: false });
  });

  it("refuses malformed values instead of ignoring them", () => {
    expect(resolveTenant({ ...base, header: "acme;drop" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(resolveTenant({ ...base, header: "www" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(resolveTenant({ ...base, claim: { id: "x", slug: "acme" } })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("IP and foreign hosts never select a tenant", () => {
    for (const host of ["127.0.0.1", "192.168.1.10:3000", "[::1]", "acme.evil.test", "evil.test"]) {
      expect(resolveTenant({ ...base, host })).toMatchObject({ ok: true, tenant: null, hostKind: "other" });
    }
  });
});

// ── properties ──
const slugArb = fc.stringMatching(/^[a-z][a-z0-9]{2,12}$/).filter((s) => parseTenantRef(s)?.by === "slug");
const uuidArb = fc.uuid().map((u) => u.toLowerCase());
const tenantArb = fc.record({ id: uuidArb, slug: slugArb });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

describe("resolveTenant properties", () => {
  it("when it answers a tenant, every source present names that same tenant (or cannot be compared without the registry)", () => {
    fc.assert(
      fc.property(
        maybe(tenantArb),
        maybe(fc.oneof(slugArb, uuidArb)),
        maybe(slugArb),
        maybe(fc.oneof(slugArb, uuidArb)),
        fc.boolean(),
        (claim, header, sub, query, production) => {
          const r = resolveTenant({ appDomain: D, production, claim, header, host: sub ? `${sub}.${D}` : D, query });
          if (!r.ok) return;
          for (const { ref } of r.refs) {
            if (claim) expect(ref.value).toBe(ref.by === "id" ? claim.id : claim.slug);
            else if (ref.by === r.tenant!.by) expect(ref.value).toBe(r.tenant!.value);
            else expect(r.needsRecordCheck).toBe(true);
          }
        },
      ),
    );
  });

  it("two different slugs from any two sources are always refused", () => {
    fc.assert(
      fc.property(slugArb, slugArb, fc.constantFrom("header", "query"), (s1, s2, where) => {
        fc.pre(s1 !== s2);
        const r = resolveTenant({ appDomain: D, production: false, host: `${s1}.${D}`, ...(where === "header" ? { header: s2 } : { query: s2 }) });
        expect(r).toMatchObject({ ok: false, reason: "conflict" });
      }),
    );
  });

  it("a claim for tenant A with any source naming B is refused", () => {
    fc.assert(
      fc.property(tenantArb, tenantArb, fc.constantFrom("header-id", "header-slug", "host"), (a, b, how) => {
        fc.pre(a.id !== b.id && a.slug !== b.slug);
        const input: ResolveInput = { appDomain: D, production: true, claim: a, host: D };
        if (how === "header-id") input.header = b.id;
        if (how === "header-slug") input.header = b.slug;
        if (how === "host") input.host = `${b.slug}.${D}`;
        expect(resolveTenant(input).ok).toBe(false);
      }),
    );
  });

  it("hosts outside <slug>.<domain> never yield a tenant", () => {
    fc.assert(
      fc.property(fc.domain(), (host) => {
        fc.pre(!host.endsWith(`.${D}`));
        const r = resolveTenant({ appDomain: D, production: true, host });
        expect(r.ok && r.tenant).toBe(null);
      }),
    );
    fc.assert(
      fc.property(fc.ipV4(), fc.integer({ min: 1, max: 65535 }), (ip, port) => {
        expect(parseHost(`${ip}:${port}`, D).kind).toBe("other");
        expect(parseHost(`${ip}`, "localhost").kind).toBe("other");
      }),
    );
  });

  it("the resolver is total: any header/host/query strings give a result, never an exception", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), fc.boolean(), (header, host, query, production) => {
        const r = resolveTenant({ appDomain: D, production, header, host, query });
        expect(typeof r.ok).toBe("boolean");
      }),
    );
  });
});
