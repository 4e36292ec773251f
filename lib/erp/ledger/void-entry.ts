import { appendTenantAudit } from "../../audit";
import { AppError } from "../../errors";
import type { TenantContext } from "../../tenancy/types";
import { auditActor } from "./actor";
import type { JournalEntryView } from "./entries.types";
import { entrySelect, toEntryView } from "./entry-view";

/** POSTED → VOID: the entry and its lines stay (posted entries are never deleted) but no longer count in reports. */
export async function voidEntry(ctx: TenantContext, entryId: string): Promise<JournalEntryView> {
  return ctx.db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ status: string }[]>`SELECT "status"::text AS status FROM "JournalEntry" WHERE "id" = ${entryId}::uuid FOR UPDATE`;
    if (locked.length === 0) throw new AppError("not_found", "No such journal entry.");
    if (locked[0]!.status !== "POSTED") throw new AppError("conflict", `Only a POSTED entry can be voided; this one is ${locked[0]!.status}.`);
    const entry = await tx.journalEntry.update({ where: { id: entryId }, data: { status: "VOID" }, select: entrySelect });
    await appendTenantAudit(tx, { ...auditActor(ctx), action: "journal.voided", targetType: "journal_entry", targetId: entryId, metadata: { number: entry.number } });
    return toEntryView(entry);
  });
}
