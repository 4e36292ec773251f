import type { Prisma } from "../../generated/client/client.ts";
import type { TenantContext } from "../../tenancy/types";
import { toDbDate } from "../ledger/dates";
import type { ListPaymentsQuery, PaymentView } from "./payments.types";
import { paymentSelect, toPaymentView } from "./view";

/** Payments newest first, filtered; cursor pagination (`nextCursor` → `cursor`). */
export async function listPayments(ctx: TenantContext, q: ListPaymentsQuery): Promise<{ payments: PaymentView[]; nextCursor: string | null }> {
  const where: Prisma.PaymentWhereInput = {
    ...(q.direction ? { direction: q.direction } : {}),
    ...(q.status ? { status: q.status } : {}),
    ...(q.contactId ? { contactId: q.contactId } : {}),
    ...(q.from || q.to ? { date: { ...(q.from ? { gte: toDbDate(q.from) } : {}), ...(q.to ? { lte: toDbDate(q.to) } : {}) } } : {}),
  };
  const rows = await ctx.db.payment.findMany({
    where,
    select: paymentSelect,
    orderBy: [{ date: "desc" }, { number: "desc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { payments: page.map(toPaymentView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
