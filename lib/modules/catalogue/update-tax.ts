import { appendTenantAudit } from "../../audit";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import type { TaxView, UpdateTaxRequest } from "./catalogue.types";
import { taxSelect, toTaxView } from "./views";

/** Renames or (de)activates a tax (an inactive tax takes no new lines). Unknown id → 404; duplicate name → 409. */
export async function updateTax(ctx: TenantContext, id: string, input: UpdateTaxRequest): Promise<TaxView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const before = await tx.tax.findUnique({ where: { id }, select: taxSelect });
      if (!before) throw new AppError("not_found", "No such tax.");
      if ((input.name ?? before.name) === before.name && (input.isActive ?? before.isActive) === before.isActive) return toTaxView(before);
      const tax = await tx.tax.update({ where: { id }, data: input, select: taxSelect });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "tax.updated",
        targetType: "tax",
        targetId: id,
        metadata: { name: tax.name, isActive: tax.isActive },
      });
      return toTaxView(tax);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `A tax named ${input.name} exists.`);
    throw err;
  }
}
