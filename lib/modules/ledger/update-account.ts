import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { accountSelect, type AccountView, type UpdateAccountRequest } from "./accounts.types";
import { auditActor } from "../core/actor";

/** Renames or (de)activates an account; an inactive account takes no new lines and cannot be posted to. Unknown id → 404. */
export async function updateAccount(ctx: TenantContext, accountId: string, input: UpdateAccountRequest): Promise<AccountView> {
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.account.findUnique({ where: { id: accountId }, select: accountSelect });
    if (!before) throw new AppError("not_found", "No such account.");
    if ((input.name ?? before.name) === before.name && (input.isActive ?? before.isActive) === before.isActive) return before;
    const account = await tx.account.update({ where: { id: accountId }, data: { name: input.name, isActive: input.isActive }, select: accountSelect });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "account.updated",
      targetType: "account",
      targetId: accountId,
      metadata: {
        code: account.code,
        ...(input.name !== undefined ? { name: account.name } : {}),
        ...(input.isActive !== undefined ? { isActive: account.isActive } : {}),
      },
    });
    return account;
  });
}
