import { Decimal, sum, ZERO } from "../ledger/money";

type Value = Decimal | string | number;

// Line arithmetic, exact (decimal.js at 64 digits) and rounded once per amount to cents, half up:
//   amount = quantity × unit price × (1 − discount / 100), to cents
//   no tax:        net = amount,                       tax = 0
//   tax exclusive: net = amount,                       tax = net × rate / 100, to cents
//   tax inclusive: net = amount × 100 / (100 + rate), to cents,  tax = amount − net
//   total = net + tax; a document's subtotal, tax and total are the sums of its lines'.

const HUNDRED = new Decimal(100);

export function cents(d: Decimal): Decimal {
  return d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export interface LineAmounts {
  net: Decimal;
  tax: Decimal;
  total: Decimal;
}

export function lineAmounts(quantity: Value, unitPrice: Value, discountPercent: Value, tax: { rate: Value; isInclusive: boolean } | null): LineAmounts {
  const amount = cents(new Decimal(quantity).times(unitPrice).times(HUNDRED.minus(discountPercent)).dividedBy(HUNDRED));
  if (!tax) return { net: amount, tax: ZERO, total: amount };
  const rate = new Decimal(tax.rate);
  if (tax.isInclusive) {
    const net = cents(amount.times(HUNDRED).dividedBy(HUNDRED.plus(rate)));
    return { net, tax: amount.minus(net), total: amount };
  }
  const t = cents(amount.times(rate).dividedBy(HUNDRED));
  return { net: amount, tax: t, total: amount.plus(t) };
}

export function documentTotals(lines: readonly LineAmounts[]): LineAmounts {
  return { net: sum(lines.map((l) => l.net)), tax: sum(lines.map((l) => l.tax)), total: sum(lines.map((l) => l.total)) };
}
