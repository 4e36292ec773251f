import { appendTenantAudit } from "../../audit";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { contactSelect, toContactView } from "./contact-view";
import type { ContactView, CreateContactRequest } from "./contacts.types";
import { assertDefaultAccounts } from "./default-accounts";

/** Adds a customer and/or vendor. Default accounts of the wrong type, inactive or unknown → 422. */
export async function createContact(ctx: TenantContext, input: CreateContactRequest): Promise<ContactView> {
  return ctx.db.$transaction(async (tx) => {
    await assertDefaultAccounts(tx, input);
    const contact = await tx.contact.create({
      data: {
        name: input.name,
        email: input.email || null,
        phone: input.phone || null,
        taxId: input.taxId || null,
        billingAddress: input.billingAddress || null,
        isCustomer: input.isCustomer,
        isVendor: input.isVendor,
        paymentTermsDays: input.paymentTermsDays,
        incomeAccountId: input.incomeAccountId ?? null,
        expenseAccountId: input.expenseAccountId ?? null,
      },
      select: contactSelect,
    });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "contact.created",
      targetType: "contact",
      targetId: contact.id,
      metadata: { name: contact.name, isCustomer: contact.isCustomer, isVendor: contact.isVendor },
    });
    return toContactView(contact);
  });
}
