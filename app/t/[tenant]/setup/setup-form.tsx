"use client";

import { useActionState, useEffect } from "react";
import { setInitialPasswordAction, type SetupState } from "./actions";
import { SpentLink } from "./spent-link";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

export function SetupForm({ token, email, tenantName }: { token: string; email: string; tenantName: string }) {
  const [state, action, pending] = useActionState<SetupState, FormData>(setInitialPasswordAction, {});
  useEffect(() => {
    // A full navigation, so the sign-in page is rendered for this host (through the middleware).
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  if (state.spent) return <SpentLink detail={state.error ?? ""} />;
  const fieldError = (name: string) =>
    state.fields?.[name] ? (
      <span role="alert" data-testid={`setup-error-${name}`} className="mt-1 block text-sm text-red-700">
        {state.fields[name]}
      </span>
    ) : null;
  return (
    <form action={action} className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Set your password for {tenantName}</h1>
      <p className="text-sm text-slate-600">
        You are setting up <strong data-testid="setup-email">{email}</strong>.
      </p>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <label className="block text-sm">
        <span className="text-slate-700">New password</span>
        <input name="password" type="password" required minLength={12} autoComplete="new-password" className={input} />
        <span className="mt-1 block text-xs text-slate-500">At least 12 characters.</span>
        {fieldError("password")}
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">Confirm password</span>
        <input name="confirmPassword" type="password" required autoComplete="new-password" className={input} />
        {fieldError("confirmPassword")}
      </label>
      {state.error ? (
        <p role="alert" data-testid="setup-error" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending || !!state.redirectTo} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending || state.redirectTo ? "Setting your password…" : "Set password"}
      </button>
    </form>
  );
}
