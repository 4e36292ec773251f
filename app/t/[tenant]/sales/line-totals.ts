// The invoice form's live totals, computed as the service computes them (lib/modules/documents/totals.ts) but
// with BigInt, never floats: amounts to cents, half up; tax per line, exclusive or inclusive. Inputs are the
// strings typed; a value that is not a number yet counts as zero.

export interface TaxRate {
  id: string;
  /** "20.0000" */
  rate: string;
  isInclusive: boolean;
}

export interface LineInput {
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxId: string;
}

/** A non-negative decimal string with at most 4 decimals as ten-thousandths; anything else → 0n. */
export function tenThousandths(s: string): bigint {
  const m = /^\s*(\d{1,15})(?:\.(\d{1,4}))?\s*$/.exec(s);
  return m ? BigInt(m[1]!) * 10_000n + BigInt((m[2] ?? "").padEnd(4, "0")) : 0n;
}

/** num / den rounded half up (both positive). */
function divRound(num: bigint, den: bigint): bigint {
  return (num * 2n + den) / (2n * den);
}

export function lineCents(l: LineInput, taxes: readonly TaxRate[]): { net: bigint; tax: bigint; total: bigint } {
  const q = tenThousandths(l.quantity);
  const p = tenThousandths(l.unitPrice);
  const d = tenThousandths(l.discountPercent || "0");
  const keep = 1_000_000n - (d > 1_000_000n ? 1_000_000n : d); // 100 % = 1e6 ten-thousandths
  const amount = divRound(q * p * keep, 1_000_000_000_000n); // 1e8 (q × p) × 1e6 (percent) → cents
  const t = taxes.find((x) => x.id === l.taxId);
  if (!t) return { net: amount, tax: 0n, total: amount };
  const rate = tenThousandths(t.rate);
  if (t.isInclusive) {
    const net = divRound(amount * 1_000_000n, 1_000_000n + rate);
    return { net, tax: amount - net, total: amount };
  }
  const tax = divRound(amount * rate, 1_000_000n);
  return { net: amount, tax, total: amount + tax };
}

export function documentCents(lines: readonly LineInput[], taxes: readonly TaxRate[]): { net: bigint; tax: bigint; total: bigint } {
  return lines
    .map((l) => lineCents(l, taxes))
    .reduce((s, x) => ({ net: s.net + x.net, tax: s.tax + x.tax, total: s.total + x.total }), { net: 0n, tax: 0n, total: 0n });
}

export function formatCents(c: bigint): string {
  const neg = c < 0n;
  const s = (neg ? -c : c).toString().padStart(3, "0");
  return `${neg ? "-" : ""}${s.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${s.slice(-2)}`;
}
