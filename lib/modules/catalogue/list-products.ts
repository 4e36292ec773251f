import type { Prisma } from "../../generated/client/client.ts";
import type { TenantContext } from "../../tenancy/types";
import type { ListProductsQuery, ProductView } from "./catalogue.types";
import { productSelect, toProductView } from "./views";

/** Products and services by name; `q` matches code or name; cursor pagination as elsewhere (`nextCursor` → `cursor`). */
export async function listProducts(ctx: TenantContext, q: ListProductsQuery): Promise<{ products: ProductView[]; nextCursor: string | null }> {
  const where: Prisma.ProductWhereInput = {
    ...(q.q ? { OR: [{ code: { contains: q.q, mode: "insensitive" as const } }, { name: { contains: q.q, mode: "insensitive" as const } }] } : {}),
    ...(q.active === "all" ? {} : { isActive: q.active === "true" }),
  };
  const rows = await ctx.db.product.findMany({
    where,
    select: productSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: q.limit + 1,
    ...(q.cursor ? { cursor: { id: q.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, q.limit);
  return { products: page.map(toProductView), nextCursor: rows.length > q.limit ? page[page.length - 1]!.id : null };
}
