"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useKeptForm } from "@/components/ui/kept-form";
import type { SignInResult } from "@/lib/auth/sign-in-action";

export type SignInState = SignInResult;

/** The one sign-in form: admin console and tenant sign-in pass their own server action (and may pre-fill the email). */
export function SignInForm({
  action,
  title,
  subtitle,
  email,
}: {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  title: string;
  subtitle?: string;
  email?: string;
}) {
  const { state, pending, formError, formProps } = useKeptForm<SignInState>(action, { email });
  useEffect(() => {
    // A full navigation, so the new page is rendered for this host (through the middleware) with the new cookie.
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  return (
    <form {...formProps} className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
      {subtitle ? <p className="text-sm text-slate-600">{subtitle}</p> : null}
      <TextField label="Email" name="email" type="email" required autoComplete="username" defaultValue={email} />
      <TextField label="Password" name="password" type="password" required autoComplete="current-password" />
      {formError ? (
        <Alert tone="error" data-testid="sign-in-error">
          {formError}
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending || !!state.redirectTo}>
        {pending || state.redirectTo ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
