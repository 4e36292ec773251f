import type { AuditEntryView } from "@/lib/audit/read";
import { DataTable } from "@/components/ui/data-table";
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

const dash = <span className="text-slate-500">—</span>;

export function AuditTable({
  entries,
  people,
  clients,
  caption,
}: {
  entries: AuditEntryView[];
  people: ReadonlyMap<string, Person>;
  clients?: ReadonlyMap<string, ClientLabel>;
  caption: string;
}) {
  return (
    <DataTable
      caption={caption}
      columns={[
        { key: "at", header: "Time (UTC)", sortable: true },
        { key: "action", header: "Action", primary: true, sortable: true },
        { key: "who", header: "Who" },
        { key: "target", header: "Target" },
        ...(clients ? [{ key: "client", header: "Client" }] : []),
        { key: "ip", header: "Address" },
        { key: "details", header: "Details" },
      ]}
      rows={entries.map((e) => ({
        id: String(e.id),
        sort: { at: e.at, action: e.action },
        cells: {
          at: (
            <span className="whitespace-nowrap">
              <time dateTime={e.at}>{formatUtc(e.at)}</time> <span className="block font-mono text-xs text-slate-600">#{e.id}</span>
            </span>
          ),
          action: <span className="font-mono text-xs">{e.action}</span>,
          who: <Who entry={e} people={people} />,
          target: <Target entry={e} people={people} clients={clients} />,
          client: e.clientId ? <span className="font-mono text-xs">{<Client id={e.clientId} label={clients?.get(e.clientId)} />}</span> : dash,
          ip: e.ip ? <span className="font-mono text-xs">{e.ip}</span> : dash,
          details: <Metadata value={e.metadata} />,
        },
      }))}
    />
  );
}

/** A person by name (and email) when the page resolved the id; otherwise the actor's kind. */
function Who({ entry, people }: { entry: AuditEntryView; people: ReadonlyMap<string, Person> }) {
  const person = entry.actorId ? people.get(entry.actorId) : undefined;
  if (!person) return <span title={entry.actorId ?? undefined}>{entry.actorType}</span>;
  return (
    <>
      <span className="font-medium text-slate-900">{person.name}</span> <span className="block text-xs text-slate-500">{person.email}</span>
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
    <dl className="flex max-w-md flex-wrap justify-end gap-x-3 gap-y-0.5 text-xs sm:justify-start">
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
