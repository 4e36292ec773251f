"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-field";
import { Card } from "@/components/ui/page-header";
import { useKeptForm } from "@/components/ui/kept-form";
import { createUserAction, type CreateUserState } from "./actions";

/** Adds a user; a refusal keeps what was typed and puts the service's message next to its field. */
export function CreateUserForm() {
  const { state, pending, fieldError, formError, formProps } = useKeptForm<CreateUserState>(createUserAction, {}, (s) => !!s.created);
  const router = useRouter();
  useEffect(() => {
    if (state.created) router.refresh();
  }, [state, router]);
  const known = ["email", "name", "password"];
  const others = Object.entries(state.fields ?? {}).filter(([k]) => !known.includes(k));
  return (
    <Card title="Add a user" titleId="add-user-heading">
      <form {...formProps} className="space-y-4">
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            label="Email"
            name="email"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            error={fieldError("email")}
            errorTestId="create-user-error-email"
          />
          <TextField label="Name" name="name" required maxLength={120} autoComplete="off" error={fieldError("name")} />
          <TextField
            label="Password"
            name="password"
            type="password"
            required
            minLength={12}
            autoComplete="new-password"
            hint="At least 12 characters; they can change it after signing in."
            error={fieldError("password")}
          />
        </div>
        {formError ? (
          <Alert tone="error" data-testid="create-user-error">
            <p>{formError}</p>
            {others.length ? <p>{others.map(([k, v]) => `${k}: ${v}`).join("; ")}</p> : null}
          </Alert>
        ) : null}
        {state.created && !pending ? <Alert tone="success">Created {state.created}.</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Adding…" : "Add user"}
        </Button>
      </form>
    </Card>
  );
}
