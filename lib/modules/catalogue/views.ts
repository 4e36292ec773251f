import type { Prisma } from "../../generated/client/client.ts";
import { formatMoney, money } from "../ledger/money";
import type { ProductView, TaxView } from "./catalogue.types";

export const taxSelect = { id: true, name: true, rate: true, isInclusive: true, accountId: true, isActive: true } as const;
export const productSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  unit: true,
  unitPrice: true,
  incomeAccountId: true,
  expenseAccountId: true,
  taxId: true,
  isActive: true,
} as const;

export function toTaxView(t: Prisma.TaxGetPayload<{ select: typeof taxSelect }>): TaxView {
  return { ...t, rate: formatMoney(money(t.rate)) };
}

export function toProductView(p: Prisma.ProductGetPayload<{ select: typeof productSelect }>): ProductView {
  return { ...p, unitPrice: formatMoney(money(p.unitPrice)) };
}
