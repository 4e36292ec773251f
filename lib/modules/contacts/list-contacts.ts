import type { Prisma } from "../../generated/client/client.ts";
import type { TenantContext } from "../../tenancy/types";
import { contactSelect, toContactView } from "./contact-view";
import type { ContactView, ListContactsQuery } from "./contacts.types";

/** What a contact search matches: `q` anywhere in name, email or tax id; a role; active, inactive or all. */
export function contactWhere(q: Omit<ListContactsQuery, "cursor" | "limit">): Prisma.ContactWhereInput {
  return {
    ...(q.q
      ? {
          OR: [
            { name: { contains: q.q, mode: "insensitive" as const } },
            { email: { contains: q.q, mode: "insensitive" as const } },
            { taxId: { contains: q.q, mode: "insensitive" as const } },
          ],
        }
      : {}),
    ...(q.role === "customer" ? { isCustomer: true } : q.role === "vendor" ? { isVendor: true } : {}),
    ...(q.active === "all" ? {} : { isActive: q.active === "true" }),
  };
}

/** Contacts by name; cursor pagination: pass the previous page's `nextCursor` (a contact id) as `cursor`. */
export async function listContacts(ctx: TenantContext, q: ListContactsQuery): Promise<{ contacts: ContactView[]; nextCursor: string | null }> {
  const rows = await ctx.db.contact.findMany({
    where: contactWhere(q),
    select: contactSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { contacts: page.map(toContactView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
