import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountUnits, formatAmount, parseAmount, unitsToAmount } from "@/app/t/[tenant]/ledger/amounts";
import {
  draftFromEntry,
  draftTotals,
  editableAmount,
  errorsByPath,
  toEntryRequest,
  toUpdateRequest,
  type EntryDraft,
} from "@/app/t/[tenant]/ledger/entry-draft";
import { asOfDate, incomeStatementDates } from "@/app/t/[tenant]/ledger/report-dates";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { ZCreateEntryRequest, ZUpdateEntryRequest } from "@/lib/modules/ledger/entries.types";
import { formatMoney, money, sum, ZMoney } from "@/lib/modules/ledger/money";

// The ledger pages' money and new-entry helpers (app/t/[tenant]/ledger): exact,
// and in agreement with the service's own rules (ZMoney, decimal sums).

const amountText = fc
  .tuple(fc.bigInt({ min: BigInt(0), max: BigInt("999999999999999") }), fc.option(fc.stringMatching(/^\d{1,4}$/)))
  .map(([i, f]) => (f === null ? `${i}` : `${i}.${f}`));

describe("amounts", () => {
  it("formats the service's strings for people: grouped, two decimals at least", () => {
    expect(formatAmount("1500.2500")).toBe("1,500.25");
    expect(formatAmount("0.0000")).toBe("0.00");
    expect(formatAmount("-0.0000")).toBe("0.00");
    expect(formatAmount("1234567.1235")).toBe("1,234,567.1235");
    expect(formatAmount("-250.5000")).toBe("-250.50");
    expect(formatAmount("999999999999999.9999")).toBe("999,999,999,999,999.9999");
    expect(formatAmount("12")).toBe("12.00");
    expect(formatAmount("n/a")).toBe("n/a");
  });

  it("takes exactly what the API takes (ZMoney), and reads it as the service does", () => {
    for (const bad of ["1,500", "-1", "1.23456", "1e3", "0x10", ".5", "5.", "1 000", "1234567890123456"]) {
      expect(parseAmount(bad), bad).toBeNull();
      expect(ZMoney.safeParse(bad).success, bad).toBe(false);
    }
    expect(parseAmount("")).toBe(BigInt(0));
    expect(parseAmount(" 12.5 ")).toBe(BigInt(125000));
    fc.assert(
      fc.property(amountText, (s) => {
        expect(ZMoney.safeParse(s).success).toBe(true);
        expect(unitsToAmount(parseAmount(s)!)).toBe(formatMoney(money(s)));
        expect(amountUnits(formatMoney(money(s)))).toBe(parseAmount(s));
      }),
    );
  });

  it("totals the form's lines exactly (0.1 + 0.2 is 0.3), counting an amount the API would refuse as zero and naming its line", () => {
    const t = draftTotals([
      { debit: "0.1", credit: "" },
      { debit: "0.2", credit: "" },
      { debit: "", credit: "0.3" },
      { debit: "1,000", credit: "" },
    ]);
    expect(t).toEqual({ debit: parseAmount("0.3"), credit: parseAmount("0.3"), invalid: [3] });
    fc.assert(
      fc.property(fc.array(amountText, { minLength: 1, maxLength: 20 }), (xs) => {
        const { debit } = draftTotals(xs.map((d) => ({ debit: d, credit: "" })));
        expect(unitsToAmount(debit)).toBe(formatMoney(sum(xs.map((x) => money(x)))));
      }),
    );
  });
});

describe("the new-entry request", () => {
  const draft: EntryDraft = {
    date: "2026-03-01",
    description: "Owner investment",
    reference: "  ",
    lines: [
      { key: "a", accountId: "00000000-0000-4000-8000-000000000001", debit: "1500.25", credit: "", memo: "" },
      { key: "b", accountId: "00000000-0000-4000-8000-000000000002", debit: "", credit: " 1500.25 ", memo: "capital" },
    ],
  };

  it("is the service's request: money as strings, empty optional fields left out, no React keys, line i is row i", () => {
    const req = toEntryRequest(draft, true);
    expect(req).toEqual({
      date: "2026-03-01",
      description: "Owner investment",
      reference: undefined,
      lines: [
        { accountId: "00000000-0000-4000-8000-000000000001", debit: "1500.25", credit: undefined, memo: undefined },
        { accountId: "00000000-0000-4000-8000-000000000002", debit: undefined, credit: "1500.25", memo: "capital" },
      ],
      post: true,
    });
    expect(ZCreateEntryRequest.safeParse(req).success).toBe(true);
    expect(toEntryRequest(draft, false).post).toBe(false);
  });

  it("keeps an empty row, so the service's error paths still point at the form's rows", () => {
    const req = toEntryRequest({ ...draft, lines: [draft.lines[0]!, { key: "c", accountId: "", debit: "", credit: "", memo: "" }, draft.lines[1]!] }, false);
    const r = ZCreateEntryRequest.safeParse(req);
    expect(r.success).toBe(false);
    expect(new Set(r.error!.issues.map((i) => i.path.join(".")))).toEqual(new Set(["lines.1.accountId", "lines.1"]));
  });

  it("groups the problem's errors by path", () => {
    expect(
      errorsByPath([
        { path: "lines.1", message: "a" },
        { path: "lines.1", message: "b" },
        { path: "", message: "c" },
      ]),
    ).toEqual({ "lines.1": "a; b", form: "c" });
    expect(errorsByPath(undefined)).toEqual({});
  });
});

describe("editing a draft", () => {
  const saved = {
    date: "2026-03-01",
    description: "Chairs",
    reference: null,
    lines: [
      {
        id: "l1",
        accountId: "00000000-0000-4000-8000-000000000006",
        accountCode: "6000",
        accountName: "Operating expenses",
        debit: "250.5000",
        credit: "0.0000",
        memo: "two",
      },
      {
        id: "l2",
        accountId: "00000000-0000-4000-8000-000000000001",
        accountCode: "1000",
        accountName: "Cash",
        debit: "0.0000",
        credit: "250.5000",
        memo: null,
      },
    ],
  };

  it("shows amounts as one would type them: trailing zeros dropped, the zero side empty", () => {
    expect(["250.5000", "1500.0000", "0.0000", "0.0001", "12", "1000000.2500"].map(editableAmount)).toEqual([
      "250.5",
      "1500",
      "",
      "0.0001",
      "12",
      "1000000.25",
    ]);
    fc.assert(
      fc.property(amountText, (s) => {
        // What the form shows for a saved amount reads back as that amount.
        if (/[1-9]/.test(s)) expect(parseAmount(editableAmount(formatMoney(money(s))))).toBe(parseAmount(s));
      }),
    );
  });

  it("fills the form with the draft, and sends it back as the service's edit request (reference cleared with null, no `post`)", () => {
    const form = draftFromEntry(saved, (i) => `k${i}`);
    expect(form).toEqual({
      date: "2026-03-01",
      description: "Chairs",
      reference: "",
      lines: [
        { key: "k0", accountId: saved.lines[0]!.accountId, debit: "250.5", credit: "", memo: "two" },
        { key: "k1", accountId: saved.lines[1]!.accountId, debit: "", credit: "250.5", memo: "" },
      ],
    });
    const req = toUpdateRequest(form);
    expect(req).toEqual({
      date: "2026-03-01",
      description: "Chairs",
      reference: null,
      lines: [
        { accountId: saved.lines[0]!.accountId, debit: "250.5", credit: undefined, memo: "two" },
        { accountId: saved.lines[1]!.accountId, debit: undefined, credit: "250.5", memo: undefined },
      ],
    });
    expect(ZUpdateEntryRequest.safeParse(req).success).toBe(true);
    expect(toUpdateRequest({ ...form, reference: " INV-1 " }).reference).toBe("INV-1");
  });
});

describe("report dates from the URL", () => {
  const year = todayUtc().slice(0, 4);

  it("uses what was asked, and the service's defaults for what was not", () => {
    expect(incomeStatementDates("2026-01-01", "2026-03-31")).toEqual({ query: { from: "2026-01-01", to: "2026-03-31" }, alert: undefined });
    expect(incomeStatementDates(undefined, "2025-06-30")).toEqual({ query: { from: "2025-01-01", to: "2025-06-30" }, alert: undefined });
    expect(incomeStatementDates("", "")).toEqual({ query: { from: `${year}-01-01`, to: todayUtc() }, alert: undefined });
    expect(asOfDate("2026-03-31")).toEqual({ query: { asOf: "2026-03-31" } });
    expect(asOfDate(undefined)).toEqual({ query: {} });
  });

  it("drops an invalid date with an alert, and from after to falls back to this year to date", () => {
    expect(incomeStatementDates("2026-02-30", "2026-03-31")).toEqual({
      query: { from: "2026-01-01", to: "2026-03-31" },
      alert: "“2026-02-30” is not a date (YYYY-MM-DD); the default date is used instead.",
    });
    expect(incomeStatementDates("2026-04-01", "2026-03-31")).toEqual({
      query: { from: `${year}-01-01`, to: todayUtc() },
      alert: "From 2026-04-01 is after To 2026-03-31; showing 1 January to today instead.",
    });
    expect(incomeStatementDates(["2026-01-01", "2026-02-01"], undefined).alert).toBeUndefined();
    expect(asOfDate("tomorrow")).toEqual({ query: {}, alert: "“tomorrow” is not a date (YYYY-MM-DD); showing today instead." });
  });
});
