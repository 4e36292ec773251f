import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountUnits, formatAmount, parseAmount, unitsToAmount } from "@/app/t/[tenant]/ledger/amounts";
import { draftTotals, errorsByPath, toEntryRequest, type EntryDraft } from "@/app/t/[tenant]/ledger/entry-draft";
import { ZCreateEntryRequest } from "@/lib/erp/ledger/entries.types";
import { formatMoney, money, sum, ZMoney } from "@/lib/erp/ledger/money";

// The ledger pages' money and new-entry helpers (app/t/[tenant]/ledger): exact,
// and in agreement with the service's own rules (ZMoney, decimal sums).

const amountText = fc.tuple(fc.bigInt({ min: BigInt(0), max: BigInt("999999999999999") }), fc.option(fc.stringMatching(/^\d{1,4}$/))).map(([i, f]) => (f === null ? `${i}` : `${i}.${f}`));

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
    expect(errorsByPath([{ path: "lines.1", message: "a" }, { path: "lines.1", message: "b" }, { path: "", message: "c" }])).toEqual({ "lines.1": "a; b", form: "c" });
    expect(errorsByPath(undefined)).toEqual({});
  });
});
