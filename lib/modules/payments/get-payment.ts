import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import type { PaymentView } from "./payments.types";
import { paymentSelect, toPaymentView } from "./view";

export async function getPayment(ctx: TenantContext, id: string): Promise<PaymentView> {
  const p = await ctx.db.payment.findUnique({ where: { id }, select: paymentSelect });
  if (!p) throw new AppError("not_found", "No such payment.");
  return toPaymentView(p);
}
