import type { TenantContext } from "../../tenancy/types";
import type { DocumentView } from "../documents/documents.types";

export interface BillView extends DocumentView {
  /** Other bills of the same vendor with the same vendor reference (case-insensitive): a warning, not a refusal. */
  duplicates: { id: string; number: string | null; date: string; status: string }[];
}

/** The bill with the other bills of its vendor that carry the same vendor reference. */
export async function withDuplicates(ctx: TenantContext, bill: DocumentView): Promise<BillView> {
  if (!bill.vendorReference || bill.kind !== "INVOICE") return { ...bill, duplicates: [] };
  const rows = await ctx.db.invoice.findMany({
    where: {
      direction: "PURCHASE",
      kind: "INVOICE",
      contactId: bill.contactId,
      vendorReference: { equals: bill.vendorReference, mode: "insensitive" },
      id: { not: bill.id },
    },
    select: { id: true, number: true, date: true, status: true },
    orderBy: { date: "asc" },
    take: 20,
  });
  return { ...bill, duplicates: rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) })) };
}
