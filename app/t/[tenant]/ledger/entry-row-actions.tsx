"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { postEntryAction, voidEntryAction } from "./actions";
import type { FormState } from "./form-state";

const button = "rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60";

/** Post (a DRAFT) or Void (a POSTED entry, after a confirmation) for one journal row; the page is re-rendered on the server afterwards. */
export function EntryRowActions({ id, number, status, voidable }: { id: string; number: number; status: string; voidable: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [postState, postAction, posting] = useActionState<FormState, FormData>(postEntryAction, {});
  const [voidState, voidAction, voiding] = useActionState<FormState, FormData>(voidEntryAction, {});
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (postState.done || voidState.done) router.refresh();
  }, [postState, voidState, router]);
  const error = postState.error ?? voidState.error;
  return (
    <div className="space-y-2">
      {status === "DRAFT" ? (
        <form action={postAction}>
          <input type="hidden" name="id" value={id} />
          <button type="submit" disabled={posting} className={button} aria-label={`Post entry #${number}`}>
            {posting ? "Posting…" : "Post"}
          </button>
        </form>
      ) : null}
      {status === "POSTED" && voidable ? (
        <button type="button" disabled={!hydrated} aria-expanded={confirming} aria-label={`Void entry #${number}`} onClick={() => setConfirming((v) => !v)} className={`${button} border-red-300 text-red-700 hover:bg-red-50`}>
          Void
        </button>
      ) : null}
      {status === "POSTED" && voidable && confirming ? (
        <form action={voidAction} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-900">
          <input type="hidden" name="id" value={id} />
          <p>Void entry #{number}? It stays in the journal but no longer counts in reports. This cannot be undone.</p>
          <div className="flex gap-2">
            <button type="submit" disabled={voiding} className="rounded-md bg-red-700 px-2.5 py-1 font-medium text-white hover:bg-red-800 disabled:opacity-60">
              {voiding ? "Voiding…" : `Confirm void of #${number}`}
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={button}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="max-w-56 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
