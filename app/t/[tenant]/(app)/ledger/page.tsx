import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { todayUtc } from "@/lib/modules/ledger/dates";
import { ZEntryId, ZListEntriesQuery, type JournalEntryView } from "@/lib/modules/ledger/entries.types";
import { getEntry } from "@/lib/modules/ledger/get-entry";
import { listAccounts } from "@/lib/modules/ledger/list-accounts";
import { listEntries } from "@/lib/modules/ledger/list-entries";
import { AppError } from "@/lib/errors";
import type { TenantContext } from "@/lib/tenancy/types";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { formatAmount } from "@/app/t/[tenant]/ledger/amounts";
import { EntryRowActions } from "@/app/t/[tenant]/ledger/entry-row-actions";
import { Badge, LedgerHeader, type Tone } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { NewEntryForm } from "@/app/t/[tenant]/ledger/new-entry-form";

export const metadata: Metadata = { title: "Journal" };

const PAGE_SIZE = 25;
const STATUS_TONE: Record<JournalEntryView["status"], Tone> = { DRAFT: "amber", POSTED: "green", VOID: "slate" };

export default async function JournalPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { cursor, edit } = await searchParams;
  // A hand-edited cursor starts from the newest entries rather than failing the page.
  const parsed = ZListEntriesQuery.safeParse({ limit: PAGE_SIZE, cursor: typeof cursor === "string" ? cursor : undefined });
  const query = parsed.success ? parsed.data : ZListEntriesQuery.parse({ limit: PAGE_SIZE });
  // ?edit=<id> opens the entry form in edit mode on that draft (see new-entry-form.tsx).
  const editId = typeof edit === "string" ? edit : undefined;
  const { tenant, access, data } = await ledgerPage((await params).tenant, await headers(), "/ledger", async (ctx, access) => ({
    page: await listEntries(ctx, query),
    // The entry form offers the active accounts; only writers see it.
    accounts: access.writeJournal ? (await listAccounts(ctx)).filter((a) => a.isActive).map(({ id, code, name }) => ({ id, code, name })) : [],
    editing: access.writeJournal && editId !== undefined ? await draftToEdit(ctx, editId) : undefined,
  }));
  const { entries, nextCursor } = data.page;
  const today = todayUtc();
  const editing = data.editing && "entry" in data.editing ? data.editing.entry : undefined;
  return (
    <>
      <LedgerHeader
        tenantName={tenant.name}
        title="Journal"
        description="Journal entries: record one, keep it as a draft or post it; posted entries are reversed or voided, never edited."
        access={access}
      />

      {data.editing && "refused" in data.editing ? <Alert tone="warning">{data.editing.refused}</Alert> : null}

      {access.writeJournal ? (
        data.accounts.length >= 2 || editing ? (
          <NewEntryForm accounts={data.accounts} today={today} editing={editing} />
        ) : (
          <EmptyState title="An entry needs at least two active accounts.">
            {access.readAccounts ? (
              <>
                Set them up in the{" "}
                <Link href="/ledger/accounts" className="text-brand-700 underline">
                  chart of accounts
                </Link>
                .
              </>
            ) : null}
          </EmptyState>
        )
      ) : null}

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        <DataTable
          caption="Journal entries, newest first"
          columns={[
            { key: "date", header: "Date", sortable: true },
            { key: "number", header: "No.", sortable: true },
            { key: "description", header: "Description", primary: true },
            { key: "status", header: "Status", sortable: true },
            { key: "total", header: "Total", align: "right", sortable: true },
            ...(access.writeJournal ? [{ key: "actions", header: "Actions", bare: true }] : []),
          ]}
          rows={entries.map((e) => ({
            id: e.id,
            muted: e.status === "VOID",
            sort: { date: e.date, number: e.number, status: e.status, total: Number(e.totals.debit) },
            cells: {
              date: <time dateTime={e.date}>{e.date}</time>,
              number: <span className="font-mono text-xs">#{e.number}</span>,
              description: (
                <div className="font-normal">
                  <p className="font-medium text-slate-900">{e.description}</p>
                  {e.reference ? <p className="text-xs text-slate-600">Ref. {e.reference}</p> : null}
                  <EntryLines entry={e} />
                </div>
              ),
              status: (
                <div className="space-y-1">
                  <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge>
                  {e.reversalOfNumber !== null ? <p className="text-xs text-slate-600">reversal of #{e.reversalOfNumber}</p> : null}
                  {e.reversedByNumber !== null ? <p className="text-xs text-slate-600">reversed by #{e.reversedByNumber}</p> : null}
                  {!e.totals.balanced ? (
                    <p className="text-xs">
                      <Badge tone="red">unbalanced</Badge>
                    </p>
                  ) : null}
                </div>
              ),
              total: <span className={`font-mono whitespace-nowrap ${e.status === "VOID" ? "line-through" : ""}`}>{formatAmount(e.totals.debit)}</span>,
              // Either side of a reversal pair can be neither voided nor reversed (the service answers 409): no Void or Reverse there.
              actions: (
                <EntryRowActions id={e.id} number={e.number} status={e.status} date={e.date} today={today} paired={!!e.reversalOfId || !!e.reversedById} />
              ),
            },
          }))}
          empty={
            <EmptyState title={query.cursor ? "No older entries." : "No journal entries yet."}>
              {query.cursor ? null : access.writeJournal ? <p>Record the first one with the form above.</p> : null}
            </EmptyState>
          }
        />
        <Pagination
          firstHref={query.cursor ? "/ledger" : undefined}
          firstLabel="Newest entries"
          nextHref={nextCursor ? `/ledger?cursor=${encodeURIComponent(nextCursor)}` : undefined}
          nextLabel="Older entries"
        />
      </section>
    </>
  );
}

/** The draft that ?edit= names, or why it cannot be edited (the form is then a new entry). */
async function draftToEdit(ctx: TenantContext, id: string): Promise<{ entry: JournalEntryView } | { refused: string }> {
  if (!ZEntryId.safeParse({ id }).success) return { refused: "There is no such journal entry to edit." };
  try {
    const entry = await getEntry(ctx, id);
    return entry.status === "DRAFT" ? { entry } : { refused: `Entry #${entry.number} is ${entry.status}; only drafts can be edited.` };
  } catch (err) {
    if (err instanceof AppError && err.code === "not_found") return { refused: "There is no such journal entry to edit." };
    throw err;
  }
}

/** The entry's lines, folded away under the description. */
function EntryLines({ entry }: { entry: JournalEntryView }) {
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-xs text-slate-600 hover:text-slate-900">{entry.lines.length} lines</summary>
      <table className="mt-2 min-w-full text-xs">
        <caption className="sr-only">Lines of entry #{entry.number}</caption>
        <thead className="text-left text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Account
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Debit
            </th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">
              Credit
            </th>
            <th scope="col" className="py-1 font-medium">
              Memo
            </th>
          </tr>
        </thead>
        <tbody>
          {entry.lines.map((l) => (
            <tr key={l.id}>
              <td className="py-0.5 pr-3">
                <span className="font-mono">{l.accountCode}</span> {l.accountName}
              </td>
              <td className="py-0.5 pr-3 text-right font-mono">{/[1-9]/.test(l.debit) ? formatAmount(l.debit) : ""}</td>
              <td className="py-0.5 pr-3 text-right font-mono">{/[1-9]/.test(l.credit) ? formatAmount(l.credit) : ""}</td>
              <td className="py-0.5 text-slate-600">{l.memo}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
