"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { buttonClass } from "@/components/ui/button";
import { controlClass } from "@/components/ui/form-field";
import { createAccountAction, createDefaultAccountsAction, setAccountActiveAction } from "../actions";
import type { FormState } from "../form-state";

const input = `mt-1 ${controlClass}`;

function useRefreshWhenDone(state: FormState) {
  const router = useRouter();
  useEffect(() => {
    if (state.done) router.refresh();
  }, [state, router]);
}

/** Creates the standard chart (the button shows only while the tenant has no accounts; the service checks again). */
export function StandardChartButton() {
  const [state, action, pending] = useActionState<FormState>(createDefaultAccountsAction, {});
  useRefreshWhenDone(state);
  return (
    <form action={action} className="space-y-2">
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Creating the chart…" : "Create the standard chart"}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      {state.done ? (
        <p role="status" className="text-sm text-emerald-800">
          {state.done}
        </p>
      ) : null}
    </form>
  );
}

/** Deactivate (no new lines, drafts naming it cannot be posted) or activate one account; no confirmation: the other button undoes it. */
export function AccountActiveButton({ id, label, isActive }: { id: string; label: string; isActive: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setAccountActiveAction, {});
  useRefreshWhenDone(state);
  const verb = isActive ? "Deactivate" : "Activate";
  return (
    <form action={action} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <button type="submit" disabled={pending} aria-label={`${verb} ${label}`} className={buttonClass("secondary", "sm")}>
        {pending ? `${verb.slice(0, -1)}ing…` : verb}
      </button>
      {state.error ? (
        <p role="alert" className="max-w-56 text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}

export function CreateAccountForm({ types, accounts }: { types: readonly string[]; accounts: { id: string; code: string; name: string; type: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(createAccountAction, {});
  useRefreshWhenDone(state);
  const v = state.values ?? {};
  const id = useId();
  const fieldError = (field: string) =>
    state.fields?.[field] ? (
      <span role="alert" className="mt-1 block text-sm text-red-700">
        {state.fields[field]}
      </span>
    ) : null;
  // After a refusal the form is re-mounted with what was sent (React resets a form after its action).
  return (
    <section aria-labelledby="new-account-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="new-account-heading" className="text-lg font-semibold">
        New account
      </h2>
      <form action={action} key={JSON.stringify(v)} className="space-y-4">
        <div className="grid gap-3 sm:grid-cols-[10rem_1fr_12rem]">
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Code</span>
            <input
              name="code"
              required
              maxLength={20}
              defaultValue={v.code}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!!state.fields?.code}
              className={`${input} font-mono`}
            />
            {fieldError("code")}
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Name</span>
            <input name="name" required maxLength={120} defaultValue={v.name} autoComplete="off" aria-invalid={!!state.fields?.name} className={input} />
            {fieldError("name")}
          </label>
          <div className="block text-sm">
            {/* A label around a <select> would put every option into its accessible name. */}
            <label htmlFor={`${id}-type`} className="font-medium text-slate-800">
              Type
            </label>
            <select id={`${id}-type`} name="type" required defaultValue={v.type ?? types[0]} aria-invalid={!!state.fields?.type} className={input}>
              {types.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
            {fieldError("type")}
          </div>
        </div>
        <div className="block text-sm">
          <label htmlFor={`${id}-parent`} className="font-medium text-slate-800">
            Parent account (optional, of the same type)
          </label>
          <select id={`${id}-parent`} name="parentId" defaultValue={v.parentId ?? ""} aria-invalid={!!state.fields?.parentId} className={input}>
            <option value="">None</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.code} ${a.name} (${a.type})`}
              </option>
            ))}
          </select>
          {fieldError("parentId")}
        </div>
        {state.error && !state.fields ? (
          <p role="alert" className="text-sm text-red-700">
            {state.error}
          </p>
        ) : null}
        {state.done ? (
          <p role="status" className="text-sm text-emerald-800">
            {state.done}
          </p>
        ) : null}
        <button type="submit" disabled={pending} className={buttonClass("primary")}>
          {pending ? "Creating…" : "Create account"}
        </button>
      </form>
    </section>
  );
}
