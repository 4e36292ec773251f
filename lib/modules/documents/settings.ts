import { z } from "zod";
import type { DocumentDirection } from "../../generated/client/enums.ts";
import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { assertAccounts } from "../catalogue/check-links";
import { auditActor } from "../core/actor";
import type { LedgerTx } from "../ledger/lock-entry";

// The accounts documents post to: receivables (sales) and payables (purchases), one settings row.

export const ZControlAccountRequest = z.object({ accountId: z.uuid() });
export type ControlAccountRequest = z.infer<typeof ZControlAccountRequest>;

const COLUMN = { SALE: "receivableAccountId", PURCHASE: "payableAccountId" } as const;
const TYPE = { SALE: "ASSET", PURCHASE: "LIABILITY" } as const;

export async function getControlAccount(ctx: TenantContext, direction: DocumentDirection): Promise<{ accountId: string | null }> {
  const row = await ctx.db.documentSettings.findUnique({ where: { id: 1 } });
  return { accountId: row?.[COLUMN[direction]] ?? null };
}

/** Sets the receivable (an active ASSET account) or payable (an active LIABILITY account) account; 422 otherwise. */
export async function setControlAccount(ctx: TenantContext, direction: DocumentDirection, input: ControlAccountRequest): Promise<{ accountId: string }> {
  return ctx.db.$transaction(async (tx) => {
    await assertAccounts(tx, [{ path: "accountId", id: input.accountId, types: [TYPE[direction]] }]);
    const column = COLUMN[direction];
    await tx.documentSettings.upsert({ where: { id: 1 }, create: { id: 1, [column]: input.accountId }, update: { [column]: input.accountId } });
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: "documents.settings_changed",
      targetType: "account",
      targetId: input.accountId,
      metadata: { [column]: input.accountId },
    });
    return { accountId: input.accountId };
  });
}

/** The control account an issue posts to, or 422 naming the settings route. */
export async function controlAccountFor(tx: LedgerTx, direction: DocumentDirection): Promise<string> {
  const row = await tx.documentSettings.findUnique({ where: { id: 1 } });
  const id = row?.[COLUMN[direction]];
  if (!id) {
    const where = direction === "SALE" ? "PUT /api/client/sales/settings" : "PUT /api/client/purchases/settings";
    throw new AppError("validation_failed", `Choose the ${direction === "SALE" ? "receivable" : "payable"} account first (${where}).`);
  }
  return id;
}
