import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { isUniqueViolation } from "../../db/errors";
import { accountSelect, type AccountView, type CreateAccountRequest } from "./accounts.types";
import { auditActor } from "../core/actor";

/** Adds an account. Duplicate code → 409; a parent must exist and have the same type → 422. */
export async function createAccount(ctx: TenantContext, input: CreateAccountRequest): Promise<AccountView> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      if (input.parentId) {
        const parent = await tx.account.findUnique({ where: { id: input.parentId }, select: { type: true } });
        if (!parent)
          throw new AppError("validation_failed", "The parent account does not exist.", { fields: [{ path: "parentId", message: "no such account" }] });
        if (parent.type !== input.type)
          throw new AppError("validation_failed", `The parent account is of type ${parent.type}; a child must have the same type.`, {
            fields: [{ path: "parentId", message: "must have the same type" }],
          });
      }
      const account = await tx.account.create({
        data: { code: input.code, name: input.name, type: input.type, parentId: input.parentId ?? null },
        select: accountSelect,
      });
      await appendTenantAudit(tx, {
        ...auditActor(ctx),
        action: "account.created",
        targetType: "account",
        targetId: account.id,
        metadata: { code: account.code, type: account.type },
      });
      return account;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", `An account with code ${input.code} exists.`);
    throw err;
  }
}
