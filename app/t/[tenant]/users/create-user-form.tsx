"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { createUserAction, type CreateUserState } from "./actions";

export function CreateUserForm() {
  const [state, action, pending] = useActionState<CreateUserState, FormData>(createUserAction, {});
  const router = useRouter();
  useEffect(() => {
    if (state.created) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-medium">Add a user</h2>
      <input name="email" type="email" required placeholder="Email" aria-label="New user email" className="w-full rounded-md border border-slate-300 px-3 py-2" />
      <input name="name" required placeholder="Name" aria-label="New user name" className="w-full rounded-md border border-slate-300 px-3 py-2" />
      <input name="password" type="password" required minLength={12} placeholder="Password (12+ characters)" aria-label="New user password" className="w-full rounded-md border border-slate-300 px-3 py-2" />
      {state.error ? <p data-testid="create-user-error" className="text-sm text-red-700">{state.error}</p> : null}
      {state.created ? <p className="text-sm text-green-700">Created {state.created}.</p> : null}
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 text-white">
        Add user
      </button>
    </form>
  );
}
