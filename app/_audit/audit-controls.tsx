import Form from "next/form";
import Link from "next/link";
import type { chainCheckView } from "@/lib/audit/read";
import { auditHref, type AuditFilterValues } from "./filters";

// The audit pages' filter form, chain check and paging (server components; the
// forms are GET forms, so every view of the log is a URL).

export type ChainCheckView = ReturnType<typeof chainCheckView>;

const field = "mt-1 block rounded-md border border-slate-300 px-3 py-2";

/** `client` (the admin page's filter, as typed) adds its field when it is a string. */
export function AuditFilterForm({
  path,
  kinds,
  values,
  client,
  alerts,
}: {
  path: string;
  kinds: readonly string[];
  values: AuditFilterValues;
  client?: string;
  alerts: string[];
}) {
  // Keyed by what the page shows: a client-side navigation to new filters remounts the
  // fields, so they show the filters in force (a refused one blank), not what was typed.
  return (
    <Form
      key={JSON.stringify([values, client])}
      action={path}
      aria-label="Filter the log"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <label className="block text-sm">
        <span className="text-slate-700">Action</span>
        <select name="action" defaultValue={values.action} className={field}>
          <option value="">All</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {client !== undefined ? (
        <label className="block text-sm">
          <span className="text-slate-700">Client (slug or id)</span>
          <input type="text" name="client" defaultValue={client} maxLength={100} spellCheck={false} className={`${field} font-mono`} />
        </label>
      ) : null}
      <label className="block text-sm">
        <span className="text-slate-700">From</span>
        <input type="date" name="from" defaultValue={values.from} max="9999-12-31" className={field} />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">To</span>
        <input type="date" name="to" defaultValue={values.to} max="9999-12-31" className={field} />
      </label>
      <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        Filter
      </button>
      <Link href={path} className="py-2 text-sm text-brand-700 underline">
        Clear
      </Link>
      <p className="w-full text-sm text-slate-600">Days are UTC; To includes the whole day.</p>
      {alerts.length ? (
        <div role="alert" className="w-full space-y-1 text-sm text-red-700">
          {alerts.map((a) => (
            <p key={a}>{a}</p>
          ))}
        </div>
      ) : null}
    </Form>
  );
}

/**
 * Verify the chain: a GET form that reloads the page with ?verify=1 (and what
 * the page shows), and the page recomputes the whole chain on that render. A
 * GET rather than a server action because it only reads: the result is the
 * page, there is no action core or ACTION_MATRIX entry to keep, and the same
 * read permission as the page guards it. A button, not a link, so no prefetch
 * runs the check behind the reader's back.
 */
export function ChainCheck({
  path,
  filters,
  cursor,
  check,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor?: string;
  check?: ChainCheckView;
}) {
  const hidden = Object.entries({ ...filters, cursor }).filter((e): e is [string, string] => !!e[1]);
  return (
    <section aria-labelledby="chain-heading" className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="chain-heading" className="text-base font-semibold">
        Hash chain
      </h2>
      <Form action={path}>
        {hidden.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <input type="hidden" name="verify" value="1" />
        <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-50">
          Verify the chain
        </button>
      </Form>
      {!check ? (
        <p className="text-sm text-slate-600">
          Recomputes every entry&apos;s hash from the first one: an edited, removed or inserted entry breaks the chain there.
        </p>
      ) : check.ok ? (
        <p role="status" className="text-sm font-medium text-emerald-800">
          The chain is intact: {check.count} {check.count === 1 ? "entry" : "entries"} checked.
        </p>
      ) : (
        <p role="status" className="text-sm font-medium text-red-700">
          The chain is broken at entry #{check.brokenAt} ({check.count} {check.count === 1 ? "entry" : "entries"} checked up to it).
        </p>
      )}
    </section>
  );
}

export function AuditPager({
  path,
  filters,
  cursor,
  nextCursor,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  cursor?: string;
  nextCursor: string | null;
}) {
  return (
    <nav aria-label="Pages" className="flex gap-3">
      {cursor ? (
        <Link href={auditHref(path, filters)} className="text-sm text-brand-700 underline">
          Newest entries
        </Link>
      ) : null}
      {nextCursor ? (
        <Link href={auditHref(path, filters, { cursor: nextCursor })} className="text-sm text-brand-700 underline">
          Older entries
        </Link>
      ) : null}
    </nav>
  );
}
