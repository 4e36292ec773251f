import type { TenantContext } from "../../tenancy/types";
import type { TaxView } from "./catalogue.types";
import { taxSelect, toTaxView } from "./views";

/** Every tax, active first, then by name. */
export async function listTaxes(ctx: TenantContext): Promise<TaxView[]> {
  const rows = await ctx.db.tax.findMany({ select: taxSelect, orderBy: [{ isActive: "desc" }, { name: "asc" }], take: 1000 });
  return rows.map(toTaxView);
}
