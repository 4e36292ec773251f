import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { contactSelect, toContactView } from "./contact-view";
import type { ContactView } from "./contacts.types";

/** One contact; an id not in this tenant → 404. */
export async function getContact(ctx: TenantContext, id: string): Promise<ContactView> {
  const c = await ctx.db.contact.findUnique({ where: { id }, select: contactSelect });
  if (!c) throw new AppError("not_found", "No such contact.");
  return toContactView(c);
}
