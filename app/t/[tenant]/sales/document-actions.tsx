"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { buttonClass } from "@/components/ui/button";
import { creditInvoiceAction, deleteInvoiceAction, issueInvoiceAction, type DocumentActionState } from "./actions";

type Action = (state: DocumentActionState, form: FormData) => Promise<DocumentActionState>;

function ActionButton({
  id,
  action,
  label,
  pending: pendingLabel,
  variant,
}: {
  id: string;
  action: Action;
  label: string;
  pending: string;
  variant: "primary" | "secondary" | "danger";
}) {
  const [state, dispatch, pending] = useActionState<DocumentActionState, FormData>(action, {});
  const router = useRouter();
  useEffect(() => {
    if (state.goTo) router.push(state.goTo);
    else if (state.done) router.refresh();
  }, [state, router]);
  return (
    <form action={dispatch} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={buttonClass(variant)}>
        {pending ? pendingLabel : label}
      </button>
      {state.error ? (
        <p role="alert" className="max-w-72 text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state.done && !state.goTo ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.done}
        </p>
      ) : null}
    </form>
  );
}

/** What can be done to a document from its page, by state and permission (the services check both again). */
export function DocumentActions({ id, status, kind, canWrite, canIssue }: { id: string; status: string; kind: string; canWrite: boolean; canIssue: boolean }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {status === "DRAFT" && canIssue ? <ActionButton id={id} action={issueInvoiceAction} label="Issue" pending="Issuing…" variant="primary" /> : null}
      {status === "DRAFT" && canWrite ? <ActionButton id={id} action={deleteInvoiceAction} label="Delete draft" pending="Deleting…" variant="danger" /> : null}
      {kind === "INVOICE" && (status === "ISSUED" || status === "PARTIALLY_PAID" || status === "PAID") && canIssue ? (
        <ActionButton id={id} action={creditInvoiceAction} label="Credit in full" pending="Crediting…" variant="secondary" />
      ) : null}
    </div>
  );
}
