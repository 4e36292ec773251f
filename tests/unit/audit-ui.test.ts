import { describe, expect, it } from "vitest";
import { auditHref, clientRef, ENTERPRISE_ACTION_KINDS, parseAuditFilters, TENANT_ACTION_KINDS } from "@/app/_audit/filters";
import { formatUtc, metadataPairs, shortId, truncate, valueText } from "@/app/_audit/format";
import { ZAuditQuery } from "@/lib/audit/read";

// The audit pages' pure helpers (app/_audit): the filters from the URL (in
// agreement with the service's ZAuditQuery) and how an entry's time and metadata
// read. The pages themselves: tests/integration/audit-pages.test.ts, tests/e2e/audit.spec.ts.

describe("formatUtc", () => {
  it("shows the instant in UTC, to the second", () => {
    expect(formatUtc("2026-03-02T14:05:09.123Z")).toBe("2026-03-02 14:05:09 UTC");
    expect(formatUtc("2026-03-02T23:30:00.000-02:00")).toBe("2026-03-03 01:30:00 UTC");
    expect(formatUtc("not a time")).toBe("not a time");
  });
});

describe("metadata as key: value text", () => {
  it("scalars as they are, lists comma-separated, nested objects compact, never JSON quotes", () => {
    expect(metadataPairs({ email: "a@b.test", roles: ["Owner", "Viewer"], lines: 2, resumed: false, parent: null })).toEqual([
      { key: "email", text: "a@b.test" },
      { key: "roles", text: "Owner, Viewer" },
      { key: "lines", text: "2" },
      { key: "resumed", text: "false" },
      { key: "parent", text: "–" },
    ]);
    expect(metadataPairs({ changes: { name: "New", segment: null, tags: ["a", "b"] }, removed: [] })).toEqual([
      { key: "changes", text: "{name: New, segment: –, tags: [a, b]}" },
      { key: "removed", text: "none" },
    ]);
    expect(valueText("")).toBe("“”");
    expect(valueText([{ a: 1 }, 2])).toBe("{a: 1}, 2");
  });

  it("no metadata → no pairs; a bare value is shown as `value`", () => {
    expect(metadataPairs(null)).toEqual([]);
    expect(metadataPairs(undefined)).toEqual([]);
    expect(metadataPairs({})).toEqual([]);
    expect(metadataPairs("moved")).toEqual([{ key: "value", text: "moved" }]);
    expect(metadataPairs([1, 2])).toEqual([{ key: "value", text: "1, 2" }]);
  });

  it("a long value is shortened, with the whole of it kept for the title", () => {
    const long = "x".repeat(100);
    const [pair] = metadataPairs({ dbName: long }, 20);
    expect(pair).toEqual({ key: "dbName", text: `${"x".repeat(19)}…`, full: long });
    expect(Array.from(pair!.text)).toHaveLength(20);
    expect(metadataPairs({ short: "x".repeat(20) }, 20)).toEqual([{ key: "short", text: "x".repeat(20) }]);
    expect(truncate("😀".repeat(5), 3)).toBe("😀😀…"); // never half a character
    expect(shortId("5f0c6c1e-9a55-4c55-8f43-3c9d1e0b7a21")).toBe("5f0c6c1e…");
    expect(shortId("42")).toBe("42");
  });
});

describe("filters from the URL", () => {
  it("no parameters: the newest page of everything", () => {
    const f = parseAuditFilters({}, TENANT_ACTION_KINDS, 50);
    expect(f).toEqual({ query: { limit: 50 }, form: { action: "", from: "", to: "" }, alerts: [], verify: false });
  });

  it("an offered kind and calendar days are passed on as the service reads them", () => {
    const f = parseAuditFilters({ action: "journal.", from: "2026-01-01", to: "2026-01-31", cursor: "120", verify: "1" }, TENANT_ACTION_KINDS, 50);
    expect(f.query).toEqual({ limit: 50, action: "journal.", from: "2026-01-01", to: "2026-01-31", cursor: "120" });
    expect(ZAuditQuery.parse(f.query)).toEqual(f.query);
    expect(f.form).toEqual({ action: "journal.", from: "2026-01-01", to: "2026-01-31" });
    expect(f.alerts).toEqual([]);
    expect(f.verify).toBe(true);
    // Empty fields, as a GET form submits them, are no filter.
    expect(parseAuditFilters({ action: "", from: "", to: " " }, TENANT_ACTION_KINDS, 50).query).toEqual({ limit: 50 });
  });

  it("each page offers its own log's kinds; anything else → an alert and every action", () => {
    for (const action of ["client.", "journal.created", "user", "%", "user.*"]) {
      const f = parseAuditFilters({ action }, TENANT_ACTION_KINDS, 50);
      expect(f.query.action, action).toBeUndefined();
      expect(f.form.action).toBe("");
      expect(f.alerts).toEqual([`“${action}” is not one of the action kinds; showing every action.`]);
    }
    expect(parseAuditFilters({ action: "client." }, ENTERPRISE_ACTION_KINDS, 50).query.action).toBe("client.");
    expect(parseAuditFilters({ action: "journal." }, ENTERPRISE_ACTION_KINDS, 50).query.action).toBeUndefined();
  });

  it("a date that is not a calendar day is left out with an alert; the other filters hold", () => {
    const f = parseAuditFilters({ action: "role.", from: "2026-02-30", to: "yesterday" }, TENANT_ACTION_KINDS, 50);
    expect(f.query).toEqual({ limit: 50, action: "role." });
    expect(f.form).toEqual({ action: "role.", from: "", to: "" });
    expect(f.alerts).toEqual(["From “2026-02-30” is not a date (YYYY-MM-DD); it is left out.", "To “yesterday” is not a date (YYYY-MM-DD); it is left out."]);
    // An instant is the API's, not the form's: the page keeps to days.
    expect(parseAuditFilters({ from: "2026-01-01T00:00:00Z" }, TENANT_ACTION_KINDS, 50).query.from).toBeUndefined();
  });

  it("from after to → neither, with an alert; the same day both ways is one day", () => {
    const f = parseAuditFilters({ from: "2026-03-02", to: "2026-03-01" }, TENANT_ACTION_KINDS, 50);
    expect(f.query).toEqual({ limit: 50 });
    expect(f.alerts).toEqual(["From 2026-03-02 is after To 2026-03-01; showing every date."]);
    expect(parseAuditFilters({ from: "2026-03-02", to: "2026-03-02" }, TENANT_ACTION_KINDS, 50).query).toEqual({
      limit: 50,
      from: "2026-03-02",
      to: "2026-03-02",
    });
  });

  it("a hand-edited cursor starts from the newest entries, keeping the filters, without an alert", () => {
    for (const cursor of ["0", "-1", "abc", "1".repeat(25), "07"]) {
      const f = parseAuditFilters({ cursor, action: "user." }, TENANT_ACTION_KINDS, 50);
      expect(f.query, cursor).toEqual({ limit: 50, action: "user." });
      expect(f.alerts).toEqual([]);
    }
  });

  it("repeated parameters (?action=a&action=b) are no filter", () => {
    expect(parseAuditFilters({ action: ["user.", "role."], from: ["2026-01-01"] }, TENANT_ACTION_KINDS, 50).query).toEqual({ limit: 50 });
  });
});

describe("the admin page's client filter and the pages' links", () => {
  it("a UUID is an id (any case), anything else a slug (lower case); empty is none", () => {
    expect(clientRef("5F0C6C1E-9A55-4C55-8F43-3C9D1E0B7A21")).toEqual({ id: "5f0c6c1e-9a55-4c55-8f43-3c9d1e0b7a21" });
    expect(clientRef(" Acme-Ltd ")).toEqual({ slug: "acme-ltd" });
    expect(clientRef("")).toBeUndefined();
    expect(clientRef(undefined)).toBeUndefined();
    expect(clientRef(["a", "b"])).toBeUndefined();
  });

  it("links keep the filters that hold, then the cursor or ?verify=1", () => {
    expect(auditHref("/audit", { action: "", from: "", to: "" })).toBe("/audit");
    expect(auditHref("/audit", { action: "journal.", from: "2026-01-01", to: "" }, { cursor: "42" })).toBe("/audit?action=journal.&from=2026-01-01&cursor=42");
    expect(auditHref("/admin/audit", { client: "acme & co" }, { verify: true })).toBe("/admin/audit?client=acme+%26+co&verify=1");
    expect(auditHref("/audit", {}, { cursor: null })).toBe("/audit");
  });
});
