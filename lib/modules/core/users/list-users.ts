import type { TenantContext } from "../../../tenancy/types";
import type { UserView } from "./users.types";
import { toUserView, userSelect } from "./view";

export async function listUsers(ctx: TenantContext): Promise<UserView[]> {
  const users = await ctx.db.user.findMany({ select: userSelect, orderBy: { email: "asc" }, take: 1000 });
  return users.map(toUserView);
}
