import { z } from "zod";
import type { EnterpriseDb } from "../db/enterprise";
import type { TenantContext } from "../tenancy/types";
import type { ChainCheck, StoredRow } from "./index";

// Reading the audit logs: GET /api/enterprise/audit (the global log, enterprise
// admins) and GET /api/client/audit (a tenant's own log, core:audit:read).
// Newest first, keyset-paged by id (ids grow with the chain, under its lock).

const ZInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

const auditFilters = {
  /** The nextCursor of the previous page: entries older than it. */
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, "is not a cursor from this list")
    .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) <= 9_223_372_036_854_775_807n, "is not a cursor from this list")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** An exact action ("client.created"), or every action of a kind when it ends with a dot ("journal."). */
  action: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  /** From this instant or calendar day (UTC) on. */
  from: ZInstant.optional(),
  /** Up to this instant, or to the end of this calendar day (UTC). */
  to: ZInstant.optional(),
};
const inOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || startOf(q.from) <= endOf(q.to);
const FROM_AFTER_TO = { message: "must not be after to", path: ["from"] };

export const ZAuditQuery = z.object(auditFilters).refine(inOrder, FROM_AFTER_TO);
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZEnterpriseAuditQuery = z.object({ ...auditFilters, clientId: z.uuid().optional() }).refine(inOrder, FROM_AFTER_TO);
export type EnterpriseAuditQuery = z.infer<typeof ZEnterpriseAuditQuery>;

const isDay = (v: string) => v.length === 10;
function startOf(v: string): Date {
  return new Date(isDay(v) ? `${v}T00:00:00.000Z` : v);
}
function endOf(v: string): Date {
  return isDay(v) ? new Date(`${v}T23:59:59.999Z`) : new Date(v);
}

/** A row as JSON: the id and time as strings. It carries the chain link (prevHash, hash), so an auditor can re-check a page on their own. */
export type AuditEntryView = Omit<StoredRow, "id" | "at"> & { id: string; at: string };

export interface AuditPage {
  entries: AuditEntryView[];
  nextCursor: string | null;
}

function where(q: AuditQuery) {
  return {
    ...(q.cursor ? { id: { lt: BigInt(q.cursor) } } : {}),
    ...(q.action ? { action: q.action.endsWith(".") ? { startsWith: q.action } : q.action } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: startOf(q.from) } : {}), ...(q.to ? { lte: endOf(q.to) } : {}) } } : {}),
  };
}

function page(rows: StoredRow[], limit: number): AuditPage {
  const entries = rows.slice(0, limit).map((r) => ({ ...r, id: r.id.toString(), at: r.at.toISOString() }));
  return { entries, nextCursor: rows.length > limit ? entries[entries.length - 1]!.id : null };
}

/** The enterprise (global) audit log, optionally of one client. */
export async function listEnterpriseAudit(q: EnterpriseAuditQuery, db: EnterpriseDb): Promise<AuditPage> {
  const rows = await db.auditLog.findMany({
    where: { ...where(q), ...(q.clientId ? { clientId: q.clientId } : {}) },
    orderBy: { id: "desc" },
    take: q.limit + 1,
  });
  return page(rows, q.limit);
}

/** The tenant's own audit log, read through its context. */
export async function listTenantAudit(ctx: TenantContext, q: AuditQuery): Promise<AuditPage> {
  const rows = await ctx.db.auditLog.findMany({ where: where(q), orderBy: { id: "desc" }, take: q.limit + 1 });
  return page(rows, q.limit);
}

/** A chain check as JSON (bigint ids as strings). */
export function chainCheckView(c: ChainCheck): { ok: boolean; count: number; brokenAt?: string } {
  return { ok: c.ok, count: c.count, ...(c.brokenAt !== undefined ? { brokenAt: c.brokenAt.toString() } : {}) };
}

export const AUDIT_PAGE =
  "{entries: [{id, at, actorType, actorId, action, targetType, targetId, metadata, ip, prevHash, hash}], nextCursor}: newest first; pass nextCursor back as cursor (null on the last page).";

export const AUDIT_CHECK =
  "{ok, count, brokenAt?}: whether every row links to the one before it and hashes to its stored hash; brokenAt is the first row that does not.";
