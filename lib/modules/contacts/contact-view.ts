import type { ContactView } from "./contacts.types";

export const contactSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  taxId: true,
  billingAddress: true,
  isCustomer: true,
  isVendor: true,
  paymentTermsDays: true,
  incomeAccountId: true,
  expenseAccountId: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = Omit<ContactView, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };

export function toContactView(c: Row): ContactView {
  return { ...c, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() };
}
