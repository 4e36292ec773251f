import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { contactSelect, toContactView } from "./contact-view";
import type { ContactView, UpdateContactRequest } from "./contacts.types";
import { assertDefaultAccounts } from "./default-accounts";

/**
 * Changes the fields sent (`null` clears an optional one; an empty string clears a text field too).
 * The contact must stay a customer, a vendor or both (422). Nothing changed → not audited.
 */
export async function updateContact(ctx: TenantContext, id: string, input: UpdateContactRequest): Promise<ContactView> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Contact" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (before.length === 0) throw new AppError("not_found", "No such contact.");
    const old = await tx.contact.findUniqueOrThrow({ where: { id }, select: contactSelect });
    const text = (v: string | null | undefined) => (v === undefined ? undefined : v === null || v === "" ? null : v);
    const data = {
      name: input.name,
      email: text(input.email),
      phone: text(input.phone),
      taxId: text(input.taxId),
      billingAddress: text(input.billingAddress),
      isCustomer: input.isCustomer,
      isVendor: input.isVendor,
      paymentTermsDays: input.paymentTermsDays,
      incomeAccountId: input.incomeAccountId,
      expenseAccountId: input.expenseAccountId,
      isActive: input.isActive,
    };
    const changed = (Object.keys(data) as (keyof typeof data)[]).filter((k) => data[k] !== undefined && data[k] !== old[k]);
    if (changed.length === 0) return toContactView(old);
    if (!(data.isCustomer ?? old.isCustomer) && !(data.isVendor ?? old.isVendor))
      throw new AppError("validation_failed", "A contact is a customer, a vendor, or both.", {
        fields: [{ path: "isCustomer", message: "a contact is a customer, a vendor, or both" }],
      });
    await assertDefaultAccounts(tx, {
      incomeAccountId: changed.includes("incomeAccountId") ? data.incomeAccountId : undefined,
      expenseAccountId: changed.includes("expenseAccountId") ? data.expenseAccountId : undefined,
    });
    const contact = await tx.contact.update({ where: { id }, data, select: contactSelect });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "contact.updated",
      targetType: "contact",
      targetId: id,
      metadata: { name: contact.name, changed },
    });
    return toContactView(contact);
  });
}
