import type { DocumentDirection } from "../../generated/client/enums.ts";
import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "../core/actor";
import { labelOf } from "./labels";
import { lockDocument } from "./lock";

/** Deletes a DRAFT and its lines (the audit entry is its only trace); an issued document → 409 (credit it instead). */
export async function deleteDocument(ctx: TenantContext, direction: DocumentDirection, id: string): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    const locked = await lockDocument(tx, direction, id);
    if (locked.status !== "DRAFT") throw new AppError("conflict", `Only a draft can be deleted; ${locked.number} is ${locked.status}.`);
    await tx.invoice.delete({ where: { id } });
    const label = labelOf(direction, locked.kind);
    await appendTenantAudit(tx, {
      ...auditActor(ctx),
      action: `${label.noun}.deleted`,
      targetType: label.noun,
      targetId: id,
      metadata: { contactId: locked.contactId, date: locked.date, total: locked.total },
    });
  });
}
