// The contact form's fields as the service's request: empty optional fields are left out of a new contact
// and cleared (null) on an existing one; the payment terms are a whole number of days.

const TEXT_FIELDS = ["email", "phone", "taxId", "billingAddress", "incomeAccountId", "expenseAccountId"] as const;

function field(form: FormData, name: string): string {
  const v = form.get(name);
  return typeof v === "string" ? v.trim() : "";
}

export function contactInput(form: FormData, existing: boolean): Record<string, unknown> {
  const terms = field(form, "paymentTermsDays");
  const out: Record<string, unknown> = {
    name: field(form, "name"),
    isCustomer: form.get("isCustomer") === "on",
    isVendor: form.get("isVendor") === "on",
    paymentTermsDays: /^\d{1,4}$/.test(terms) ? Number(terms) : terms,
  };
  for (const name of TEXT_FIELDS) {
    const v = field(form, name);
    if (v) out[name] = v;
    else if (existing) out[name] = null;
  }
  if (existing) out.isActive = form.get("isActive") === "on";
  return out;
}
