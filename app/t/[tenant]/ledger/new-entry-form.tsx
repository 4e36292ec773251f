"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition, type FormEvent } from "react";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/form-field";
import type { JournalEntryView } from "@/lib/modules/ledger/entries.types";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { formatAmount, unitsToAmount } from "./amounts";
import { createEntryAction, updateEntryAction } from "./actions";
import { draftFromEntry, draftTotals, errorsByPath, toEntryRequest, toUpdateRequest, type EntryDraft, type LineDraft } from "./entry-draft";

// The new-entry form. Its lines are React state (added and removed live, totals
// shown as one types), so it is sent with onSubmit rather than as a form action:
// React resets a form after its action, and a reset <select> would no longer show
// the account its state holds. Everything is disabled until hydration.
//
// Editing a draft is the same form in edit mode, opened by the URL
// /ledger?edit=<id> (the row's Edit link; the page loads the draft on the server)
// rather than an inline panel in the row: one form with one set of labels and
// error paths, a mode that survives a reload, and a row cell that stays small.
// In edit mode it is pre-filled with the draft and sends the service's edit
// request (every field; `lines` replaces the draft's lines); "Post" saves, then
// posts. After saving it returns to /ledger, where the form is a new entry again.

export interface AccountOption {
  id: string;
  code: string;
  name: string;
}

let lastKey = 0;
const lineKey = () => `line-${++lastKey}`;
const newLine = (): LineDraft => ({ key: lineKey(), accountId: "", debit: "", credit: "", memo: "" });
const emptyDraft = (date: string): EntryDraft => ({ date, description: "", reference: "", lines: [newLine(), newLine()] });
const initialDraft = (editing: JournalEntryView | undefined, today: string): EntryDraft => (editing ? draftFromEntry(editing, lineKey) : emptyDraft(today));

/** The active accounts, and any account the edited draft names that is no longer active (so its line still shows it; saving names the line). */
function accountOptions(accounts: AccountOption[], editing: JournalEntryView | undefined): AccountOption[] {
  const known = new Set(accounts.map((a) => a.id));
  const missing = new Map<string, AccountOption>();
  for (const l of editing?.lines ?? [])
    if (!known.has(l.accountId)) missing.set(l.accountId, { id: l.accountId, code: l.accountCode, name: `${l.accountName} (inactive)` });
  return missing.size ? [...accounts, ...missing.values()].sort((a, b) => a.code.localeCompare(b.code)) : accounts;
}

const input = `${controlClass} px-2 py-1.5`;
const amountInput = `${input} text-right font-mono`;
const button = buttonClass("secondary", "sm");
/** The columns of a line from `sm` up: account, debit, credit, memo, remove. */
const LINE_GRID = "sm:grid-cols-[minmax(0,2fr)_8rem_8rem_minmax(0,1.5fr)_4rem]";

export function NewEntryForm({ accounts, today, editing }: { accounts: AccountOption[]; today: string; editing?: JournalEntryView }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [draft, setDraft] = useState<EntryDraft>(() => initialDraft(editing, today));
  const [fields, setFields] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  // Entering or leaving edit mode (the URL changed) starts the form afresh; what was
  // just done stays shown when leaving it, so "Entry #4 posted." survives the return to /ledger.
  const mode = editing?.id ?? null;
  const [shownMode, setShownMode] = useState(mode);
  if (shownMode !== mode) {
    setShownMode(mode);
    setDraft(initialDraft(editing, today));
    setFields({});
    setError(undefined);
    if (editing) setDone(undefined);
  }
  const options = accountOptions(accounts, editing);
  const id = useId();
  // Field messages sit next to their inputs (aria-describedby); the summary below is the alert.
  const errorId = (path: string) => `${id}-error-${path}`;
  const describedBy = (...paths: string[]) =>
    paths
      .filter((p) => fields[p])
      .map(errorId)
      .join(" ") || undefined;

  const totals = draftTotals(draft.lines);
  const difference = totals.debit - totals.credit;
  const setLine = (i: number, patch: Partial<LineDraft>) => setDraft((d) => ({ ...d, lines: d.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) }));

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const post = (e.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "post";
    start(async () => {
      const r = editing ? await updateEntryAction({ id: editing.id, ...toUpdateRequest(draft) }, post) : await createEntryAction(toEntryRequest(draft, post));
      if (r.ok) {
        setFields({});
        setError(undefined);
        setDone(r.status === "POSTED" ? `Entry #${r.number} posted.` : `Entry #${r.number} saved as a draft.`);
        if (editing) {
          router.push("/ledger");
        } else {
          setDraft(emptyDraft(draft.date));
          router.refresh();
        }
      } else {
        const reason = r.problem.detail ?? r.problem.title;
        setFields(errorsByPath(r.problem.errors));
        setError(reason);
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
    <section
      aria-labelledby="new-entry-heading"
      className={`space-y-4 rounded-lg border bg-white p-4 shadow-sm sm:p-6 ${editing ? "border-amber-300" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="new-entry-heading" className="text-lg font-semibold">
          {editing ? `Edit draft #${editing.number}` : "New entry"}
        </h2>
        {editing ? (
          <Link href="/ledger" className="text-sm text-brand-700 underline">
            Cancel editing
          </Link>
        ) : null}
      </div>
      <form onSubmit={submit}>
        <fieldset disabled={!hydrated || pending} className="space-y-4">
          <legend className="sr-only">Journal entry</legend>
          <div className="grid gap-3 sm:grid-cols-[10rem_1fr_12rem]">
            <label className="block text-sm">
              <span className="font-medium text-slate-800">Date</span>
              <input
                type="date"
                name="date"
                required
                value={draft.date}
                onChange={(e) => setDraft({ ...draft, date: e.target.value })}
                aria-invalid={!!fields.date}
                aria-describedby={describedBy("date")}
                className={`mt-1 ${input}`}
              />
              {fieldError("date")}
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-800">Description</span>
              <input
                name="description"
                required
                maxLength={500}
                value={draft.description}
                onChange={(e) => setDraft({ ...draft, description: e.target.value })}
                aria-invalid={!!fields.description}
                aria-describedby={describedBy("description")}
                className={`mt-1 ${input}`}
              />
              {fieldError("description")}
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-800">Reference (optional)</span>
              <input
                name="reference"
                maxLength={100}
                value={draft.reference}
                onChange={(e) => setDraft({ ...draft, reference: e.target.value })}
                aria-invalid={!!fields.reference}
                aria-describedby={describedBy("reference")}
                className={`mt-1 ${input}`}
              />
              {fieldError("reference")}
            </label>
          </div>

          {/* The lines: a row each from `sm` up (headings above), a card each on phones (account full width, then debit and credit side by side, then the memo). */}
          <div role="group" aria-label={editing ? `Lines of draft #${editing.number}` : "Lines of the new entry"} className="space-y-2">
            <div aria-hidden="true" className={`hidden gap-2 text-xs font-semibold tracking-wide text-slate-600 uppercase sm:grid ${LINE_GRID}`}>
              <span>Account</span>
              <span className="text-right">Debit</span>
              <span className="text-right">Credit</span>
              <span>Memo</span>
              <span className="w-16" />
            </div>
            {draft.lines.map((line, i) => {
              const n = i + 1;
              const lineErrors = Object.entries(fields).filter(([p]) => p === `lines.${i}` || p.startsWith(`lines.${i}.`));
              const lineErrorId = lineErrors.length ? errorId(`lines.${i}`) : undefined;
              return (
                <div
                  key={line.key}
                  data-testid={`entry-line-${n}`}
                  className={`grid grid-cols-2 gap-2 rounded-md border border-slate-200 p-3 sm:items-start sm:rounded-none sm:border-0 sm:p-0 ${LINE_GRID}`}
                >
                  <div className="col-span-2 sm:col-span-1">
                    <span aria-hidden="true" className="mb-1 block text-xs font-medium text-slate-600 sm:hidden">
                      Line {n}
                    </span>
                    <select
                      aria-label={`Line ${n} account`}
                      required
                      value={line.accountId}
                      onChange={(e) => setLine(i, { accountId: e.target.value })}
                      aria-invalid={!!fields[`lines.${i}.accountId`]}
                      aria-describedby={lineErrorId}
                      className={input}
                    >
                      <option value="">Choose an account…</option>
                      {options.map((a) => (
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
                  </div>
                  <div>
                    <span aria-hidden="true" className="mb-1 block text-xs text-slate-600 sm:hidden">
                      Debit
                    </span>
                    <input
                      aria-label={`Line ${n} debit`}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0.00"
                      value={line.debit}
                      onChange={(e) => setLine(i, { debit: e.target.value })}
                      aria-invalid={totals.invalid.includes(i) || !!fields[`lines.${i}.debit`]}
                      aria-describedby={lineErrorId}
                      className={amountInput}
                    />
                  </div>
                  <div>
                    <span aria-hidden="true" className="mb-1 block text-xs text-slate-600 sm:hidden">
                      Credit
                    </span>
                    <input
                      aria-label={`Line ${n} credit`}
                      inputMode="decimal"
                      autoComplete="off"
                      placeholder="0.00"
                      value={line.credit}
                      onChange={(e) => setLine(i, { credit: e.target.value })}
                      aria-invalid={totals.invalid.includes(i) || !!fields[`lines.${i}.credit`]}
                      aria-describedby={lineErrorId}
                      className={amountInput}
                    />
                  </div>
                  <input
                    aria-label={`Line ${n} memo`}
                    placeholder="Memo (optional)"
                    maxLength={500}
                    value={line.memo}
                    onChange={(e) => setLine(i, { memo: e.target.value })}
                    className={`col-span-2 sm:col-span-1 ${input}`}
                  />
                  <button
                    type="button"
                    className={`col-span-2 justify-self-end sm:col-span-1 sm:w-16 ${button}`}
                    disabled={draft.lines.length <= 2}
                    aria-label={`Remove line ${n}`}
                    onClick={() => {
                      setDraft((d) => ({ ...d, lines: d.lines.filter((_, j) => j !== i) }));
                      setFields({}); // their line numbers no longer match
                    }}
                  >
                    Remove
                  </button>
                </div>
              );
            })}
            <div className={`grid grid-cols-2 gap-2 border-t border-slate-200 pt-2 text-sm ${LINE_GRID}`}>
              <span className="col-span-2 font-medium sm:col-span-1">Totals</span>
              <span className="text-right font-mono">
                <span className="mr-1 text-xs text-slate-600 sm:hidden">Debit</span>
                <output aria-label="Total debit">{formatAmount(unitsToAmount(totals.debit))}</output>
              </span>
              <span className="text-right font-mono">
                <span className="mr-1 text-xs text-slate-600 sm:hidden">Credit</span>
                <output aria-label="Total credit">{formatAmount(unitsToAmount(totals.credit))}</output>
              </span>
              <span className={`col-span-2 ${difference === BigInt(0) ? "text-emerald-800" : "text-amber-800"}`}>
                Difference{" "}
                <output aria-label="Difference" className="font-mono">
                  {formatAmount(unitsToAmount(difference < BigInt(0) ? -difference : difference))}
                </output>
                {difference === BigInt(0) ? " (balanced)" : " (debits and credits must be equal to post)"}
              </span>
            </div>
          </div>
          {totals.invalid.length ? (
            <p className="text-xs text-amber-800">Amounts are numbers with at most 4 decimals, like 1500.25 (no commas); the others are not counted above.</p>
          ) : null}

          <div className="flex flex-wrap items-center gap-3">
            <button type="button" className={button} onClick={() => setDraft((d) => ({ ...d, lines: [...d.lines, newLine()] }))}>
              Add line
            </button>
            <span className="flex-1" />
            <button type="submit" name="intent" value="draft" className={buttonClass("secondary")}>
              Save draft
            </button>
            <button type="submit" name="intent" value="post" className={buttonClass("primary")}>
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
            <p role="status" className="text-sm text-emerald-800">
              {done}
            </p>
          ) : null}
        </fieldset>
      </form>
    </section>
  );
}
