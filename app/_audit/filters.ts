import { z } from "zod";
import { ZAuditQuery, type AuditQuery } from "@/lib/audit/read";

// The audit pages' filters from their URL (a GET form: ?action=&from=&to=, the
// admin page's &client=, and &cursor= for paging). A filter the page does not
// offer or a date the service would refuse is dropped with an alert and the page
// shows the log without it, rather than failing (pure; tests/unit/audit-ui.test.ts).

type Param = string | string[] | undefined;
export type SearchParams = Record<string, Param>;

/** The action kinds each page's select offers ("" is every action); the service matches a kind by prefix. */
export const TENANT_ACTION_KINDS = ["user.", "role.", "account.", "journal."] as const;
export const ENTERPRISE_ACTION_KINDS = ["client.", "super_admin.", "admin.", "shard."] as const;

/** What the filter form shows: "" for no filter. */
export interface AuditFilterValues {
  action: string;
  from: string;
  to: string;
}

export interface AuditFilters {
  /** The service's query: the filters that hold, the page size and the cursor. */
  query: AuditQuery;
  form: AuditFilterValues;
  /** Why some of what was asked for is not used; empty when all of it is. */
  alerts: string[];
  /** ?verify=1: check the whole chain on this render. */
  verify: boolean;
}

const ZDay = z.iso.date();

export const given = (v: Param): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

export function parseAuditFilters(params: SearchParams, kinds: readonly string[], limit: number): AuditFilters {
  const alerts: string[] = [];
  const asked = { action: given(params.action), from: given(params.from), to: given(params.to) };

  let action = asked.action;
  if (action !== undefined && !kinds.includes(action)) {
    alerts.push(`“${action}” is not one of the action kinds; showing every action.`);
    action = undefined;
  }
  const day = (label: string, v: string | undefined) => {
    if (v === undefined || ZDay.safeParse(v).success) return v;
    alerts.push(`${label} “${v}” is not a date (YYYY-MM-DD); it is left out.`);
    return undefined;
  };
  let from = day("From", asked.from);
  let to = day("To", asked.to);
  if (from !== undefined && to !== undefined && from > to) {
    alerts.push(`From ${from} is after To ${to}; showing every date.`);
    from = to = undefined;
  }

  // What is left can only fail on a hand-edited cursor: start again from the newest entries.
  const parsed = ZAuditQuery.safeParse({ limit, cursor: given(params.cursor), action, from, to });
  const query = parsed.success ? parsed.data : ZAuditQuery.parse({ limit, action, from, to });
  return { query, form: { action: action ?? "", from: from ?? "", to: to ?? "" }, alerts, verify: given(params.verify) === "1" };
}

/** The admin page's client filter: an id (a UUID) or a slug, as typed; undefined when empty. */
export function clientRef(v: Param): { id: string } | { slug: string } | undefined {
  const text = given(v);
  if (text === undefined) return undefined;
  return z.uuid().safeParse(text).success ? { id: text.toLowerCase() } : { slug: text.toLowerCase() };
}

/** A link to the page with these filters (empty ones left out), and a cursor or ?verify=1. */
export function auditHref(path: string, filters: Record<string, string | undefined>, extra: { cursor?: string | null; verify?: boolean } = {}): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) s.set(k, v);
  if (extra.cursor) s.set("cursor", extra.cursor);
  if (extra.verify) s.set("verify", "1");
  const qs = s.toString();
  return qs ? `${path}?${qs}` : path;
}
