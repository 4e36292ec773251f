import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RESERVED_SLUGS, slugFromName, slugProblem } from "@/lib/provisioning/slug";

describe("client slugs", () => {
  it("accepts lowercase letters, digits and single hyphens, 3–40 characters, starting with a letter", () => {
    for (const ok of ["acme", "acme-corp", "a1b", "abc-123-x", "a".repeat(40)]) expect(slugProblem(ok), ok).toBeNull();
    for (const bad of ["ab", "a".repeat(41), "Acme", "1acme", "-acme", "acme-", "acme--corp", "acme_corp", "acme.corp", "acmé", " acme"]) {
      expect(slugProblem(bad), bad).not.toBeNull();
    }
  });

  it("refuses reserved words and id-like slugs", () => {
    for (const r of ["www", "admin", "api", "app", "static", "assets", "mail", "t", "postgres", "template0", "template1"]) {
      expect(RESERVED_SLUGS.has(r)).toBe(true);
      expect(slugProblem(r)).not.toBeNull();
    }
    expect(slugProblem("abcdef12-3456-7890-abcd-ef1234567890")).toMatch(/id/);
  });

  it("derives from names: any derived slug is either valid or refused, never something else", () => {
    expect(slugFromName("Acme Corp.")).toBe("acme-corp");
    expect(slugFromName("Café Müller GmbH")).toBe("cafe-muller-gmbh");
    expect(slugFromName("Admin")).toBe("admin-co");
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (name) => {
        const s = slugFromName(name);
        expect(s.length).toBeLessThanOrEqual(43);
        expect(/^[a-z0-9-]*$/.test(s)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
