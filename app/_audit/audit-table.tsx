import type { AuditEntryView } from "@/lib/audit/read";
import { formatUtc, metadataPairs, shortId } from "./format";

// The entries table of both audit pages (server component): /audit (a tenant's
// log) and /admin/audit (the global log, with its Client column). The pages
// resolve ids to people and clients; this only shows what it is given.

export interface Person {
  name: string;
  email: string;
}

export interface ClientLabel {
  slug: string;
  /** The tenant's host, while it can be reached. */
  href?: string;
}

const dash = <span className="text-slate-400">—</span>;

export function AuditTable({ entries, people, clients, caption }: { entries: AuditEntryView[]; people: ReadonlyMap<string, Person>; clients?: ReadonlyMap<string, ClientLabel>; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">Time (UTC)</th>
            <th scope="col" className="px-3 py-2">Who</th>
            <th scope="col" className="px-3 py-2">Action</th>
            <th scope="col" className="px-3 py-2">Target</th>
            {clients ? <th scope="col" className="px-3 py-2">Client</th> : null}
            <th scope="col" className="px-3 py-2">Address</th>
            <th scope="col" className="px-3 py-2">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {entries.map((e) => (
            <tr key={e.id} className="align-top">
              <td className="px-3 py-2 whitespace-nowrap">
                <time dateTime={e.at}>{formatUtc(e.at)}</time>{" "}
                <span className="block font-mono text-xs text-slate-500">#{e.id}</span>
              </td>
              <td className="px-3 py-2">
                <Who entry={e} people={people} />
              </td>
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.action}</td>
              <td className="px-3 py-2">
                <Target entry={e} people={people} clients={clients} />
              </td>
              {clients ? <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.clientId ? <Client id={e.clientId} label={clients.get(e.clientId)} /> : dash}</td> : null}
              <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">{e.ip ?? dash}</td>
              <td className="px-3 py-2">
                <Metadata value={e.metadata} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A person by name (and email) when the page resolved the id; otherwise the actor's kind. */
function Who({ entry, people }: { entry: AuditEntryView; people: ReadonlyMap<string, Person> }) {
  const person = entry.actorId ? people.get(entry.actorId) : undefined;
  if (!person) return <span title={entry.actorId ?? undefined}>{entry.actorType}</span>;
  return (
    <>
      <span className="font-medium text-slate-900">{person.name}</span>{" "}
      <span className="block text-xs text-slate-500">{person.email}</span>
    </>
  );
}

function Target({ entry, people, clients }: { entry: AuditEntryView; people: ReadonlyMap<string, Person>; clients?: ReadonlyMap<string, ClientLabel> }) {
  if (!entry.targetType && !entry.targetId) return dash;
  const id = entry.targetId;
  const name = id ? (people.get(id)?.name ?? clients?.get(id)?.slug) : undefined;
  return (
    <>
      <span className="text-xs text-slate-500">{entry.targetType}</span>{" "}
      {id ? (
        <span title={id} className={name ? "" : "font-mono text-xs"}>
          {name ?? shortId(id)}
        </span>
      ) : null}
    </>
  );
}

/** The client's slug, linking to its host; a purged client's id. */
function Client({ id, label }: { id: string; label?: ClientLabel }) {
  if (!label) return <span title={id}>{shortId(id)}</span>;
  if (!label.href) return <>{label.slug}</>;
  return (
    <a href={label.href} className="text-brand-700 underline" target="_blank" rel="noreferrer">
      {label.slug}
    </a>
  );
}

function Metadata({ value }: { value: unknown }) {
  const pairs = metadataPairs(value);
  if (!pairs.length) return dash;
  return (
    <dl className="flex max-w-md flex-wrap gap-x-3 gap-y-0.5 text-xs">
      {/* The spaces are for copying and screen readers: the flex layout ignores them. */}
      {pairs.map((p) => (
        <div key={p.key} className="flex gap-1">
          <dt className="text-slate-500">{p.key}:</dt>{" "}
          <dd className="font-mono break-all text-slate-800" title={p.full}>
            {p.text}
          </dd>{" "}
        </div>
      ))}
    </dl>
  );
}
