import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { money } from "../ledger/money";
import type { ProductView, UpdateProductRequest } from "./catalogue.types";
import { assertAccounts, assertTax } from "./check-links";
import { productSelect, toProductView } from "./views";

/** Changes the fields sent (`null` clears a link). Unknown id → 404; links checked as at create (422). Nothing changed → not audited. */
export async function updateProduct(ctx: TenantContext, id: string, input: UpdateProductRequest): Promise<ProductView> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id }, select: productSelect });
    if (!before) throw new AppError("not_found", "No such product.");
    const changed = (Object.keys(input) as (keyof UpdateProductRequest)[]).filter((k) => {
      const v = input[k];
      if (v === undefined) return false;
      return k === "unitPrice" ? !money(v as string).equals(before.unitPrice) : v !== before[k];
    });
    if (changed.length === 0) return toProductView(before);
    await assertAccounts(tx, [
      { path: "incomeAccountId", id: changed.includes("incomeAccountId") ? input.incomeAccountId : null, types: ["REVENUE"] },
      { path: "expenseAccountId", id: changed.includes("expenseAccountId") ? input.expenseAccountId : null, types: ["EXPENSE", "ASSET"] },
    ]);
    if (changed.includes("taxId")) await assertTax(tx, "taxId", input.taxId);
    const product = await tx.product.update({ where: { id }, data: input, select: productSelect });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "product.updated",
      targetType: "product",
      targetId: id,
      metadata: { code: product.code, changed },
    });
    return toProductView(product);
  });
}
