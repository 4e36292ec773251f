"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { setUserActiveAction, type UserRowState } from "./actions";

/** Deactivate / Reactivate for one user row; the page is re-rendered on the server afterwards. Refusals (oneself, the last Owner, someone more powerful) are the service's, shown inline. */
export function UserRowActions({ id, name, isActive }: { id: string; name: string; isActive: boolean }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<UserRowState, FormData>(setUserActiveAction, {});
  useEffect(() => {
    if (state.done) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="space-y-1 text-right">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
      <button type="submit" disabled={pending} aria-label={`${isActive ? "Deactivate" : "Reactivate"} ${name}`} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 disabled:opacity-60">
        {isActive ? "Deactivate" : "Reactivate"}
      </button>
      {state.error ? (
        <p role="alert" className="text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
