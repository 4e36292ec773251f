"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { formatAmount, unitsToAmount } from "./amounts";
import { createEntryAction } from "./actions";
import { draftTotals, errorsByPath, toEntryRequest, type EntryDraft, type LineDraft } from "./entry-draft";

// The new-entry form. Its lines are React state (added and removed live, totals
// shown as one types), so it is sent with onSubmit rather than as a form action:
// React resets a form after its action, and a reset <select> would no longer show
// the account its state holds. Everything is disabled until hydration.

export interface AccountOption {
  id: string;
  code: string;
  name: string;
}

let lastKey = 0;
const newLine = (): LineDraft => ({ key: `line-${++lastKey}`, accountId: "", debit: "", credit: "", memo: "" });
const emptyDraft = (date: string): EntryDraft => ({ date, description: "", reference: "", lines: [newLine(), newLine()] });

const input = "w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm aria-invalid:border-red-500";
const amountInput = `${input} text-right font-mono`;
const button = "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60";

export function NewEntryForm({ accounts, today }: { accounts: AccountOption[]; today: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [draft, setDraft] = useState<EntryDraft>(() => emptyDraft(today));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const id = useId();
  // Field messages sit next to their inputs (aria-describedby); the summary below is the alert.
  const errorId = (path: string) => `${id}-error-${path}`;
  const describedBy = (...paths: string[]) => paths.filter((p) => fields[p]).map(errorId).join(" ") || undefined;

  const totals = draftTotals(draft.lines);
  const difference = totals.debit - totals.credit;
  const setLine = (i: number, patch: Partial<LineDraft>) => setDraft((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const post = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "post";
    const request = toEntryRequest(draft, post);
    start(async () => {
      const r = await createEntryAction(request);
      if (r.ok) {
        setFields({});
        setError(undefined);
        setDone(r.status === "POSTED" ? `Entry #${r.number} posted.` : `Entry #${r.number} saved as a draft.`);
        setDraft(emptyDraft(draft.date));
        router.refresh();
      } else {
        setFields(errorsByPath(r.problem.errors));
        setError(r.problem.detail ?? r.problem.title);
        setDone(undefined);
      }
    });
  }

  const fieldError = (path: string) =>
    fields[path] ? (
      <span id={errorId(path)} className="mt-1 block text-xs text-red-700">
        {fields[path]}
      </span>
    ) : null;

  return (
    <section aria-labelledby="new-entry-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="new-entry-heading" className="text-lg font-semibold">
        New entry
      </h2>
      <form onSubmit={submit}>
        <fieldset disabled={!hydrated || pending} className="space-y-4">
          <legend className="sr-only">Journal entry</legend>
          <div className="grid gap-3 sm:grid-cols-[10rem_1fr_12rem]">
            <label className="block text-sm">
              <span className="text-slate-700">Date</span>
              <input type="date" name="date" required value={draft.date} onChange={(e) => setDraft({ ...draft, date: e.target.value })} aria-invalid={!!fields.date} aria-describedby={describedBy("date")} className={`mt-1 ${input}`} />
              {fieldError("date")}
            </label>
            <label className="block text-sm">
              <span className="text-slate-700">Description</span>
              <input name="description" required maxLength={500} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} aria-invalid={!!fields.description} aria-describedby={describedBy("description")} className={`mt-1 ${input}`} />
              {fieldError("description")}
            </label>
            <label className="block text-sm">
              <span className="text-slate-700">Reference (optional)</span>
              <input name="reference" maxLength={100} value={draft.reference} onChange={(e) => setDraft({ ...draft, reference: e.target.value })} aria-invalid={!!fields.reference} aria-describedby={describedBy("reference")} className={`mt-1 ${input}`} />
              {fieldError("reference")}
            </label>
          </div>

          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="sr-only">Lines of the new entry</caption>
              <thead className="text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
                <tr>
                  <th scope="col" className="py-1 pr-2">Account</th>
                  <th scope="col" className="w-36 py-1 pr-2 text-right">Debit</th>
                  <th scope="col" className="w-36 py-1 pr-2 text-right">Credit</th>
                  <th scope="col" className="py-1 pr-2">Memo</th>
                  <th scope="col" className="py-1">
                    <span className="sr-only">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.lines.map((line, i) => {
                  const n = i + 1;
                  const lineErrors = Object.entries(fields).filter(([p]) => p === `lines.${i}` || p.startsWith(`lines.${i}.`));
                  const lineErrorId = lineErrors.length ? errorId(`lines.${i}`) : undefined;
                  return (
                    <tr key={line.key} className="align-top">
                      <td className="py-1 pr-2">
                        <select aria-label={`Line ${n} account`} required value={line.accountId} onChange={(e) => setLine(i, { accountId: e.target.value })} aria-invalid={!!fields[`lines.${i}.accountId`]} aria-describedby={lineErrorId} className={input}>
                          <option value="">Choose an account…</option>
                          {accounts.map((a) => (
                            <option key={a.id} value={a.id}>
                              {`${a.code} ${a.name}`}
                            </option>
                          ))}
                        </select>
                        {lineErrors.length ? (
                          <span id={lineErrorId} className="mt-1 block text-xs text-red-700">
                            {lineErrors.map(([p, m]) => `${p === `lines.${i}` ? `Line ${n}` : `Line ${n} ${p.slice(`lines.${i}.`.length)}`}: ${m}`).join(" · ")}
                          </span>
                        ) : null}
                      </td>
                      <td className="py-1 pr-2">
                        <input aria-label={`Line ${n} debit`} inputMode="decimal" autoComplete="off" placeholder="0.00" value={line.debit} onChange={(e) => setLine(i, { debit: e.target.value })} aria-invalid={totals.invalid.includes(i) || !!fields[`lines.${i}.debit`]} aria-describedby={lineErrorId} className={amountInput} />
                      </td>
                      <td className="py-1 pr-2">
                        <input aria-label={`Line ${n} credit`} inputMode="decimal" autoComplete="off" placeholder="0.00" value={line.credit} onChange={(e) => setLine(i, { credit: e.target.value })} aria-invalid={totals.invalid.includes(i) || !!fields[`lines.${i}.credit`]} aria-describedby={lineErrorId} className={amountInput} />
                      </td>
                      <td className="py-1 pr-2">
                        <input aria-label={`Line ${n} memo`} maxLength={500} value={line.memo} onChange={(e) => setLine(i, { memo: e.target.value })} className={input} />
                      </td>
                      <td className="py-1">
                        <button type="button" className={button} disabled={draft.lines.length <= 2} aria-label={`Remove line ${n}`} onClick={() => {
                            setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }));
                            setFields({}); // their line numbers no longer match
                          }}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
              <tfoot className="border-t border-slate-200">
                <tr>
                  <th scope="row" className="py-2 pr-2 text-left font-medium">
                    Totals
                  </th>
                  <td className="py-2 pr-2 text-right font-mono">
                    <output aria-label="Total debit">{formatAmount(unitsToAmount(totals.debit))}</output>
                  </td>
                  <td className="py-2 pr-2 text-right font-mono">
                    <output aria-label="Total credit">{formatAmount(unitsToAmount(totals.credit))}</output>
                  </td>
                  <td colSpan={2} className={`py-2 text-sm ${difference === BigInt(0) ? "text-emerald-700" : "text-amber-800"}`}>
                    Difference <output aria-label="Difference" className="font-mono">{formatAmount(unitsToAmount(difference < BigInt(0) ? -difference : difference))}</output>
                    {difference === BigInt(0) ? " (balanced)" : " (debits and credits must be equal to post)"}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
          {totals.invalid.length ? <p className="text-xs text-amber-800">Amounts are numbers with at most 4 decimals, like 1500.25 (no commas); the others are not counted above.</p> : null}

          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={button} onClick={() => setDraft((d) => ({ ...d, lines: [...d.lines, newLine()] }))}>
              Add line
            </button>
            <span className="flex-1" />
            <button type="submit" name="intent" value="draft" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60">
              Save draft
            </button>
            <button type="submit" name="intent" value="post" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
              Post
            </button>
          </div>
          {error ? (
            <div role="alert" data-testid="entry-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              <p>{error}</p>
              {Object.keys(fields).length ? (
                <ul className="mt-1 list-disc pl-5 text-xs">
                  {Object.entries(fields).map(([p, m]) => (
                    <li key={p}>
                      <span className="font-mono">{p}</span>: {m}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          {done ? (
            <p role="status" className="text-sm text-emerald-700">
              {done}
            </p>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}
