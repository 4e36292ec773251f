import { appendTenantAudit } from "../../audit";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import type { CreateTaxRequest, TaxView } from "./catalogue.types";
import { assertAccounts } from "./check-links";
import { taxSelect, toTaxView } from "./views";

/** Adds a tax rate. Duplicate name → 409; an account that is not an active LIABILITY or ASSET → 422. */
export async function createTax(ctx: TenantContext, input: CreateTaxRequest): Promise<TaxView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      await assertAccounts(tx, [{ path: "accountId", id: input.accountId, types: ["LIABILITY", "ASSET"] }]);
      const tax = await tx.tax.create({ data: input, select: taxSelect });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "tax.created",
        targetType: "tax",
        targetId: tax.id,
        metadata: { name: tax.name, rate: toTaxView(tax).rate, isInclusive: tax.isInclusive },
      });
      return toTaxView(tax);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `A tax named ${input.name} exists.`);
    throw err;
  }
}
