"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { InlineMessage } from "@/components/ui/alert";
import { deleteEntryAction, postEntryAction, reverseEntryAction, voidEntryAction } from "./actions";
import type { FormState } from "./form-state";

/**
 * One journal row's actions; the page is re-rendered on the server after each.
 * DRAFT: Post, Edit (the entry form in edit mode, /ledger?edit=<id>) and Delete (after a confirmation).
 * POSTED, unless either side of a reversal pair (the service answers 409 there): Void and Reverse, each after a
 * confirmation (an accessible dialog); the reversal's date is offered as the service's default (today, or the entry's date when later).
 */
export function EntryRowActions({
  id,
  number,
  status,
  date,
  today,
  paired,
}: {
  id: string;
  number: number;
  status: string;
  date: string;
  today: string;
  paired: boolean;
}) {
  const router = useRouter();
  const dateId = useId();
  const [postState, postAction, posting] = useActionState<FormState, FormData>(postEntryAction, {});
  const [voidState, voidAction, voiding] = useActionState<FormState, FormData>(voidEntryAction, {});
  const [reverseState, reverseAction, reversing] = useActionState<FormState, FormData>(reverseEntryAction, {});
  const [deleteState, deleteAction, deleting] = useActionState<FormState, FormData>(deleteEntryAction, {});
  useEffect(() => {
    if (postState.done || voidState.done || reverseState.done || deleteState.done) router.refresh();
  }, [postState, voidState, reverseState, deleteState, router]);
  const busy = posting || voiding || reversing || deleting;
  const error = busy
    ? undefined
    : (postState.error ??
      voidState.error ??
      (reverseState.fields?.date ? `Reversal date: ${reverseState.fields.date}` : reverseState.error) ??
      deleteState.error);
  const open = status === "POSTED" && !paired;
  const hidden = { id };

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {status === "DRAFT" ? (
          <>
            <form action={postAction}>
              <input type="hidden" name="id" value={id} />
              <button type="submit" disabled={posting} className={buttonClass("secondary", "sm")} aria-label={`Post entry #${number}`}>
                {posting ? "Posting…" : "Post"}
              </button>
            </form>
            <Link href={`/ledger?edit=${id}`} className={buttonClass("secondary", "sm")} aria-label={`Edit entry #${number}`}>
              Edit
            </Link>
            <ConfirmDialog
              trigger={deleting ? "Deleting…" : "Delete"}
              triggerLabel={`Delete entry #${number}`}
              triggerVariant="danger"
              title={`Delete draft #${number}?`}
              description="The draft and its lines are deleted. The audit log keeps only its number and description."
              confirmLabel={`Confirm delete of #${number}`}
              action={deleteAction}
              hidden={hidden}
            />
          </>
        ) : null}
        {open ? (
          <>
            <ConfirmDialog
              trigger={reversing ? "Reversing…" : "Reverse"}
              triggerLabel={`Reverse entry #${number}`}
              title={`Reverse entry #${number}?`}
              description="A new posted entry swaps every debit and credit, cancelling this one from that date on. This entry stays as it is, and neither can be voided afterwards."
              body={
                <div className="space-y-1 text-sm">
                  <label htmlFor={dateId} className="block font-medium text-slate-800">
                    Reversal date
                  </label>
                  <input
                    id={dateId}
                    type="date"
                    name="date"
                    defaultValue={today > date ? today : date}
                    min={date}
                    max="9999-12-31"
                    className="block rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900"
                  />
                </div>
              }
              confirmLabel={`Confirm reversal of #${number}`}
              confirmVariant="primary"
              action={reverseAction}
              hidden={hidden}
            />
            <ConfirmDialog
              trigger={voiding ? "Voiding…" : "Void"}
              triggerLabel={`Void entry #${number}`}
              triggerVariant="danger"
              title={`Void entry #${number}?`}
              description="It stays in the journal but no longer counts in reports. This cannot be undone."
              confirmLabel={`Confirm void of #${number}`}
              action={voidAction}
              hidden={hidden}
            />
          </>
        ) : null}
      </div>
      {error ? (
        <InlineMessage tone="error" className="max-w-64">
          {error}
        </InlineMessage>
      ) : null}
    </div>
  );
}
