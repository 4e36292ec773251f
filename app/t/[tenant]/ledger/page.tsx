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
import { formatAmount } from "./amounts";
import { EntryRowActions } from "./entry-row-actions";
import { Badge, LedgerHeader, type Tone } from "./ledger-nav";
import { ledgerPage } from "./ledger-page";
import { NewEntryForm } from "./new-entry-form";

export const metadata: Metadata = { title: "Journal" };

const PAGE_SIZE = 25;
const STATUS_TONE: Record<JournalEntryView["status"], Tone> = { DRAFT: "amber", POSTED: "green", VOID: "slate" };

export default async function JournalPage({ params, searchParams }: { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { cursor, edit } = await searchParams;
  // A hand-edited cursor starts from the newest entries rather than failing the page.
  const parsed = ZListEntriesQuery.safeParse({ limit: PAGE_SIZE, cursor: typeof cursor === "string" ? cursor : undefined });
  const query = parsed.success ? parsed.data : ZListEntriesQuery.parse({ limit: PAGE_SIZE });
  // ?edit=<id> opens the entry form in edit mode on that draft (see new-entry-form.tsx).
  const editId = typeof edit === "string" ? edit : undefined;
  const { tenant, access, data } = await ledgerPage((await params).tenant, await headers(), "ledger:transactions:read", async (ctx, access) => ({
    page: await listEntries(ctx, query),
    // The entry form offers the active accounts; only writers see it.
    accounts: access.writeJournal ? (await listAccounts(ctx)).filter((a) => a.isActive).map(({ id, code, name }) => ({ id, code, name })) : [],
    editing: access.writeJournal && editId !== undefined ? await draftToEdit(ctx, editId) : undefined,
  }));
  const { entries, nextCursor } = data.page;
  const today = todayUtc();
  const editing = data.editing && "entry" in data.editing ? data.editing.entry : undefined;
  return (
    <main className="mx-auto max-w-6xl space-y-6 px-6 py-10">
      <LedgerHeader tenantName={tenant.name} title="Journal" current="journal" access={access} />

      {data.editing && "refused" in data.editing ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {data.editing.refused}
        </p>
      ) : null}

      {access.writeJournal ? (
        data.accounts.length >= 2 || editing ? (
          <NewEntryForm accounts={data.accounts} today={today} editing={editing} />
        ) : (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            An entry needs at least two active accounts.{" "}
            {access.readAccounts ? (
              <>
                Set them up in the{" "}
                <Link href="/ledger/accounts" className="text-brand-700 underline">
                  chart of accounts
                </Link>
                .
              </>
            ) : null}
          </p>
        )
      ) : null}

      <section aria-labelledby="entries-heading" className="space-y-3">
        <h2 id="entries-heading" className="text-lg font-semibold">
          Entries
        </h2>
        {entries.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600">{query.cursor ? "No older entries." : "No journal entries yet."}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <caption className="sr-only">Journal entries, newest first</caption>
              <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2">Date</th>
                  <th scope="col" className="px-4 py-2">No.</th>
                  <th scope="col" className="px-4 py-2">Description</th>
                  <th scope="col" className="px-4 py-2">Status</th>
                  <th scope="col" className="px-4 py-2 text-right">Total</th>
                  {access.writeJournal ? <th scope="col" className="px-4 py-2">Actions</th> : null}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {entries.map((e) => (
                  <tr key={e.id} className="align-top">
                    <td className="px-4 py-3 whitespace-nowrap">
                      <time dateTime={e.date}>{e.date}</time>
                    </td>
                    <td className="px-4 py-3 font-mono text-xs">#{e.number}</td>
                    <td className="px-4 py-3">
                      <p className="font-medium text-slate-900">{e.description}</p>
                      {e.reference ? <p className="text-xs text-slate-500">Ref. {e.reference}</p> : null}
                      <EntryLines entry={e} />
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={STATUS_TONE[e.status]}>{e.status}</Badge>
                      {e.reversalOfNumber !== null ? <p className="mt-1 text-xs text-slate-600">reversal of #{e.reversalOfNumber}</p> : null}
                      {e.reversedByNumber !== null ? <p className="mt-1 text-xs text-slate-600">reversed by #{e.reversedByNumber}</p> : null}
                      {!e.totals.balanced ? (
                        <p className="mt-1 text-xs text-amber-800">
                          <Badge tone="red">unbalanced</Badge>
                        </p>
                      ) : null}
                    </td>
                    <td className={`px-4 py-3 text-right font-mono whitespace-nowrap ${e.status === "VOID" ? "text-slate-400 line-through" : ""}`}>{formatAmount(e.totals.debit)}</td>
                    {access.writeJournal ? (
                      <td className="px-4 py-3">
                        {/* Either side of a reversal pair can be neither voided nor reversed (the service answers 409): no Void or Reverse there. */}
                        <EntryRowActions id={e.id} number={e.number} status={e.status} date={e.date} today={today} paired={!!e.reversalOfId || !!e.reversedById} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <nav aria-label="Pages" className="flex gap-3">
          {query.cursor ? (
            <Link href="/ledger" className="text-sm text-brand-700 underline">
              Newest entries
            </Link>
          ) : null}
          {nextCursor ? (
            <Link href={`/ledger?cursor=${encodeURIComponent(nextCursor)}`} className="text-sm text-brand-700 underline">
              Older entries
            </Link>
          ) : null}
        </nav>
      </section>
    </main>
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
      <summary className="cursor-pointer text-xs text-slate-600">
        {entry.lines.length} lines
      </summary>
      <table className="mt-2 min-w-full text-xs">
        <caption className="sr-only">Lines of entry #{entry.number}</caption>
        <thead className="text-left text-slate-500">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Account</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Debit</th>
            <th scope="col" className="py-1 pr-3 text-right font-medium">Credit</th>
            <th scope="col" className="py-1 font-medium">Memo</th>
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
