"use client";

import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { useKeptForm } from "@/components/ui/kept-form";
import { changePasswordAction, type ChangePasswordState } from "./actions";

export function ChangePasswordForm({ email }: { email: string }) {
  const { state, pending, fieldError, formError, formProps } = useKeptForm<ChangePasswordState>(changePasswordAction, {}, (s) => !!s.done);
  useEffect(() => {
    if (state.redirectTo) window.location.assign(state.redirectTo);
  }, [state]);
  return (
    <form {...formProps} className="max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      {/* For password managers: the account the new password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
        error={fieldError("currentPassword")}
        errorTestId="password-error-currentPassword"
      />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        required
        minLength={12}
        autoComplete="new-password"
        hint="At least 12 characters."
        error={fieldError("newPassword")}
        errorTestId="password-error-newPassword"
      />
      <TextField
        label="Confirm new password"
        name="confirmPassword"
        type="password"
        required
        autoComplete="new-password"
        error={fieldError("confirmPassword")}
        errorTestId="password-error-confirmPassword"
      />
      {formError && !state.fields ? <Alert tone="error">{formError}</Alert> : null}
      {state.done && !pending ? (
        <Alert tone="success" data-testid="password-changed">
          Your password is changed and every session of yours is signed out. Sign in again with the new password…
        </Alert>
      ) : null}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </Button>
    </form>
  );
}
