import { z } from "zod";
import { Prisma } from "../../generated/client/client.ts";

// Money is exact end to end: JSON strings in (never JS numbers), decimal.js in
// the service, numeric(19,4) in PostgreSQL, strings with four decimals out.

export type Decimal = Prisma.Decimal;
/**
 * Prisma's Decimal keeps 20 significant digits in arithmetic: 150 lines of 999999999999999 already need 22, and a
 * sum rounded there let unbalanced entries pass and balanced ones fail (issue 10, finding 3). This clone keeps 64:
 * exact for any sum of numeric(19,4) values up to 10^40 lines. Every sum here starts from ZERO (this class),
 * so adding Prisma's values to it computes at this precision.
 */
export const Decimal = Prisma.Decimal.clone({ precision: 64, rounding: Prisma.Decimal.ROUND_HALF_EVEN });

/** Up to 15 integer digits and 4 decimals: what numeric(19,4) holds. */
export const ZMoney = z
  .string({ message: 'send amounts as strings, e.g. "12.50"' })
  .trim()
  .regex(/^\d{1,15}(\.\d{1,4})?$/, 'must be a non-negative amount with at most 4 decimals, e.g. "12.50"');

export const ZERO = new Decimal(0);

export function money(value: Decimal | string | null | undefined): Decimal {
  return value === null || value === undefined || value === "" ? ZERO : new Decimal(value);
}

/** Four decimals, as PostgreSQL prints numeric(19,4). */
export function formatMoney(value: Decimal): string {
  return value.toFixed(4);
}

export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}
