"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState, type ReactNode } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { deleteEntryAction, postEntryAction, reverseEntryAction, voidEntryAction } from "./actions";
import type { FormState } from "./form-state";

const button = "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60";
const danger = `${button} border-red-300 text-red-700 hover:bg-red-50`;

type Confirming = "void" | "reverse" | "delete" | null;

/**
 * One journal row's actions; the page is re-rendered on the server after each.
 * DRAFT: Post, Edit (the entry form in edit mode, /ledger?edit=<id>) and Delete (after a confirmation).
 * POSTED, unless either side of a reversal pair (the service answers 409 there): Void and Reverse, each after a
 * confirmation; the reversal's date is offered as the service's default (today, or the entry's date when later).
 */
export function EntryRowActions({ id, number, status, date, today, paired }: { id: string; number: number; status: string; date: string; today: string; paired: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [postState, postAction, posting] = useActionState<FormState, FormData>(postEntryAction, {});
  const [voidState, voidAction, voiding] = useActionState<FormState, FormData>(voidEntryAction, {});
  const [reverseState, reverseAction, reversing] = useActionState<FormState, FormData>(reverseEntryAction, {});
  const [deleteState, deleteAction, deleting] = useActionState<FormState, FormData>(deleteEntryAction, {});
  const [confirming, setConfirming] = useState<Confirming>(null);
  useEffect(() => {
    if (postState.done || voidState.done || reverseState.done || deleteState.done) router.refresh();
  }, [postState, voidState, reverseState, deleteState, router]);
  const error = postState.error ?? voidState.error ?? reverseState.error ?? deleteState.error;
  const toggle = (which: Exclude<Confirming, null>) => setConfirming((c) => (c === which ? null : which));
  const open = status === "POSTED" && !paired;
  const cancel = (
    <button type="button" onClick={() => setConfirming(null)} className={button}>
      Cancel
    </button>
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "DRAFT" ? (
          <>
            <form action={postAction}>
              <input type="hidden" name="id" value={id} />
              <button type="submit" disabled={posting} className={button} aria-label={`Post entry #${number}`}>
                {posting ? "Posting…" : "Post"}
              </button>
            </form>
            <Link href={`/ledger?edit=${id}`} className={button} aria-label={`Edit entry #${number}`}>
              Edit
            </Link>
            <button type="button" disabled={!hydrated} aria-expanded={confirming === "delete"} aria-label={`Delete entry #${number}`} onClick={() => toggle("delete")} className={danger}>
              Delete
            </button>
          </>
        ) : null}
        {open ? (
          <>
            <button type="button" disabled={!hydrated} aria-expanded={confirming === "reverse"} aria-label={`Reverse entry #${number}`} onClick={() => toggle("reverse")} className={button}>
              Reverse
            </button>
            <button type="button" disabled={!hydrated} aria-expanded={confirming === "void"} aria-label={`Void entry #${number}`} onClick={() => toggle("void")} className={danger}>
              Void
            </button>
          </>
        ) : null}
      </div>

      {status === "DRAFT" && confirming === "delete" ? (
        <Confirm action={deleteAction} id={id} tone="red">
          <p>Delete draft #{number} and its lines? The audit log keeps only its number and description.</p>
          <div className="flex gap-2">
            <button type="submit" disabled={deleting} className="rounded-md bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60">
              {deleting ? "Deleting…" : `Confirm delete of #${number}`}
            </button>
            {cancel}
          </div>
        </Confirm>
      ) : null}
      {open && confirming === "reverse" ? (
        <Confirm action={reverseAction} id={id} tone="amber">
          <p>Reverse entry #{number}? A new posted entry swaps every debit and credit, cancelling it from that date on. This entry stays as it is, and neither can be voided afterwards.</p>
          <label className="block">
            <span>Reversal date</span>
            <input type="date" name="date" defaultValue={today > date ? today : date} min={date} max="9999-12-31" aria-invalid={!!reverseState.fields?.date} className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1 text-slate-900 aria-invalid:border-red-500" />
            {reverseState.fields?.date ? <span className="mt-1 block text-red-700">{reverseState.fields.date}</span> : null}
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={reversing} className="rounded-md bg-slate-900 px-2.5 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-60">
              {reversing ? "Reversing…" : `Confirm reversal of #${number}`}
            </button>
            {cancel}
          </div>
        </Confirm>
      ) : null}
      {open && confirming === "void" ? (
        <Confirm action={voidAction} id={id} tone="red">
          <p>Void entry #{number}? It stays in the journal but no longer counts in reports. This cannot be undone.</p>
          <div className="flex gap-2">
            <button type="submit" disabled={voiding} className="rounded-md bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60">
              {voiding ? "Voiding…" : `Confirm void of #${number}`}
            </button>
            {cancel}
          </div>
        </Confirm>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-64 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function Confirm({ action, id, tone, children }: { action: (form: FormData) => void; id: string; tone: "red" | "amber"; children: ReactNode }) {
  const colours = tone === "red" ? "border-red-200 bg-red-50 text-red-900" : "border-amber-200 bg-amber-50 text-amber-900";
  return (
    <form action={action} className={`max-w-64 space-y-2 rounded-md border p-2 text-xs ${colours}`}>
      <input type="hidden" name="id" value={id} />
      {children}
    </form>
  );
}
