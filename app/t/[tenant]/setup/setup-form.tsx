"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useKeptForm } from "@/components/ui/kept-form";
import { setInitialPasswordAction, type SetupState } from "./actions";
import { SpentLink } from "./spent-link";

export function SetupForm({ token, email, tenantName }: { token: string; email: string; tenantName: string }) {
  const { state, pending, fieldError, formError, formProps } = useKeptForm<SetupState>(setInitialPasswordAction, {});
  useEffect(() => {
    // A full navigation, so the sign-in page is rendered for this host (through the middleware).
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  if (state.spent) return <SpentLink detail={state.error ?? ""} />;
  return (
    <form {...formProps} className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold text-slate-900">Set your password for {tenantName}</h1>
      <p className="text-sm text-slate-600">
        You are setting up <strong data-testid="setup-email">{email}</strong>.
      </p>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="New password"
        name="password"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        hint="At least 12 characters."
        error={fieldError("password")}
        errorTestId="setup-error-password"
      />
      <TextField
        label="Confirm password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        error={fieldError("confirmPassword")}
        errorTestId="setup-error-confirmPassword"
      />
      {formError ? (
        <Alert tone="error" data-testid="setup-error">
          {formError}
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" className="w-full" disabled={pending || !!state.redirectTo}>
        {pending || state.redirectTo ? "Setting your password…" : "Set password"}
      </Button>
    </form>
  );
}
