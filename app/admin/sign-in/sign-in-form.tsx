"use client";

import { useActionState, useEffect } from "react";
import type { SignInResult } from "@/lib/auth/sign-in-action";

export type SignInState = SignInResult;

/** The one sign-in form: admin console and tenant sign-in pass their own server action (and may pre-fill the email). */
export function SignInForm({ action, title, subtitle, email }: { action: (state: SignInState, form: FormData) => Promise<SignInState>; title: string; subtitle?: string; email?: string }) {
  const [state, formAction, pending] = useActionState(action, { email });
  useEffect(() => {
    // A full navigation, so the new page is rendered for this host (through the middleware) with the new cookie.
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  return (
    <form action={formAction} className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">{title}</h1>
      {subtitle ? <p className="text-sm text-slate-600">{subtitle}</p> : null}
      <label className="block text-sm">
        <span className="text-slate-700">Email</span>
        <input name="email" type="email" required autoComplete="username" defaultValue={state.email} key={state.email} className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">Password</span>
        <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {state.error ? (
        <p role="alert" data-testid="sign-in-error" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending || !!state.redirectTo} className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {pending || state.redirectTo ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
