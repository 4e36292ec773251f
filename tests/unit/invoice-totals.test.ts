import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentCents, formatCents, lineCents, type TaxRate } from "@/app/t/[tenant]/sales/line-totals";
import { lineAmounts } from "@/lib/modules/documents/totals";

// The invoice form's live totals (BigInt) agree with the service's arithmetic (decimal.js) on every line.

const taxes: TaxRate[] = [
  { id: "ex", rate: "20.0000", isInclusive: false },
  { id: "in", rate: "5.5000", isInclusive: true },
];

describe("invoice form totals", () => {
  it("computes the examples of the service", () => {
    expect(lineCents({ quantity: "3", unitPrice: "19.99", discountPercent: "10", taxId: "ex" }, taxes)).toEqual({ net: 5397n, tax: 1079n, total: 6476n });
    expect(lineCents({ quantity: "1", unitPrice: "105", discountPercent: "", taxId: "in" }, taxes)).toEqual({ net: 9953n, tax: 547n, total: 10500n });
    expect(formatCents(documentCents([{ quantity: "2", unitPrice: "0.10", discountPercent: "", taxId: "" }], taxes).total)).toBe("0.20");
    expect(formatCents(123456789n)).toBe("1,234,567.89");
    expect(lineCents({ quantity: "x", unitPrice: "1", discountPercent: "", taxId: "" }, taxes).total).toBe(0n);
  });

  it("agrees with the service on random lines", () => {
    const dec = (maxInt: number) =>
      fc.tuple(fc.integer({ min: 0, max: maxInt }), fc.integer({ min: 0, max: 9999 })).map(([i, f]) => `${i}.${String(f).padStart(4, "0")}`);
    fc.assert(
      fc.property(dec(10_000), dec(100_000), fc.integer({ min: 0, max: 100 }), fc.constantFrom("", "ex", "in"), (quantity, unitPrice, disc, taxId) => {
        const discountPercent = String(disc);
        const mine = lineCents({ quantity, unitPrice, discountPercent, taxId }, taxes);
        const t = taxes.find((x) => x.id === taxId) ?? null;
        const theirs = lineAmounts(quantity, unitPrice, discountPercent, t);
        expect([mine.net, mine.tax, mine.total].map((c) => formatCents(c).replace(/,/g, ""))).toEqual(
          [theirs.net, theirs.tax, theirs.total].map((d) => d.toFixed(2)),
        );
      }),
    );
  });
});
