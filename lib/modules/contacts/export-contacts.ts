import type { TenantContext } from "../../tenancy/types";
import type { ListContactsQuery } from "./contacts.types";
import { contactWhere } from "./list-contacts";

// Contacts as CSV (RFC 4180: comma-separated, CRLF, fields with commas, quotes or line breaks quoted, quotes
// doubled). A field a spreadsheet would read as a formula (starting with = + - @, tab or CR) gets a leading
// apostrophe, so opening the file runs nothing.

export const CONTACT_CSV_COLUMNS = ["name", "email", "phone", "taxId", "billingAddress", "isCustomer", "isVendor", "paymentTermsDays", "isActive"] as const;

export function csvField(value: string | number | boolean | null): string {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every contact matching the filters (as the list takes them), by name, as one CSV document with a header row. */
export async function exportContacts(ctx: TenantContext, q: Omit<ListContactsQuery, "cursor" | "limit">): Promise<string> {
  const rows = await ctx.db.contact.findMany({
    where: contactWhere(q),
    select: Object.fromEntries(CONTACT_CSV_COLUMNS.map((c) => [c, true])) as Record<(typeof CONTACT_CSV_COLUMNS)[number], true>,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 100_000,
  });
  const lines = [CONTACT_CSV_COLUMNS.join(","), ...rows.map((r) => CONTACT_CSV_COLUMNS.map((c) => csvField(r[c])).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
