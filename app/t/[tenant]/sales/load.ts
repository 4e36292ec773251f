import { listContacts } from "@/lib/modules/contacts/list-contacts";
import { listProducts } from "@/lib/modules/catalogue/list-products";
import { listTaxes } from "@/lib/modules/catalogue/list-taxes";
import type { TenantContext } from "@/lib/tenancy/types";

/** What the invoice form offers: active customers, products and taxes (the first 200 of each, by name). */
export async function invoiceFormOptions(ctx: TenantContext) {
  const [customers, products, taxes] = await Promise.all([
    listContacts(ctx, { role: "customer", active: "true", limit: 200 }),
    listProducts(ctx, { active: "true", limit: 200 }),
    listTaxes(ctx),
  ]);
  return {
    customers: customers.contacts.map(({ id, name }) => ({ id, name })),
    products: products.products.map(({ id, code, name, unitPrice, taxId }) => ({ id, code, name, unitPrice, taxId })),
    taxes: taxes.filter((t) => t.isActive).map(({ id, name, rate, isInclusive }) => ({ id, name, rate, isInclusive })),
  };
}
