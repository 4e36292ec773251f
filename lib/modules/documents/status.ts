import type { DocumentStatus } from "../../generated/client/enums.ts";
import { money } from "../ledger/money";

/**
 * The state of an issued invoice from its amounts: fully credited → VOID (the only way to void one);
 * nothing left to pay → PAID; something paid or credited → PARTIALLY_PAID; else ISSUED.
 */
export function settledStatus(total: string, paid: string, credited: string): DocumentStatus {
  const t = money(total);
  const c = money(credited);
  if (c.gte(t)) return "VOID";
  const covered = money(paid).plus(c);
  if (covered.gte(t)) return "PAID";
  return covered.isZero() ? "ISSUED" : "PARTIALLY_PAID";
}
