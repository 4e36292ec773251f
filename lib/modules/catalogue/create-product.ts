import { appendTenantAudit } from "../../audit";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import type { CreateProductRequest, ProductView } from "./catalogue.types";
import { assertAccounts, assertTax } from "./check-links";
import { productSelect, toProductView } from "./views";

/** Adds a product or service. Duplicate code → 409; income account not REVENUE, expense not EXPENSE, or an inactive tax → 422. */
export async function createProduct(ctx: TenantContext, input: CreateProductRequest): Promise<ProductView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      await assertAccounts(tx, [
        { path: "incomeAccountId", id: input.incomeAccountId, types: ["REVENUE"] },
        { path: "expenseAccountId", id: input.expenseAccountId, types: ["EXPENSE", "ASSET"] },
      ]);
      await assertTax(tx, "taxId", input.taxId);
      const product = await tx.product.create({ data: input, select: productSelect });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "product.created",
        targetType: "product",
        targetId: product.id,
        metadata: { code: product.code, name: product.name, unitPrice: toProductView(product).unitPrice },
      });
      return toProductView(product);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `A product with code ${input.code} exists.`);
    throw err;
  }
}
