"use client";

import Link from "next/link";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField, controlClass } from "@/components/ui/form-field";
import { useKeptForm } from "@/components/ui/kept-form";
import { slugFromName } from "@/lib/provisioning/slug";
import { createClientAction, type CreateClientState } from "../actions";

const input = `mt-1 ${controlClass}`;

/** The new-client form; `idempotencyKey` is made per render of the page, so a double submit provisions one tenant. */
export function CreateClientForm({ idempotencyKey }: { idempotencyKey: string }) {
  const { state, pending, fieldError, formError, formProps } = useKeptForm<CreateClientState>(createClientAction, { key: idempotencyKey });
  const [name, setName] = useState("");
  if (state.created) return <Created created={state.created} />;
  const otherFields = Object.entries(state.fields ?? {}).filter(([k]) => !["name", "slug", "segment", "adminEmail", "adminPassword"].includes(k));
  return (
    <form {...formProps} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
      <input type="hidden" name="idempotencyKey" value={state.key} />
      <TextField
        label="Name"
        name="name"
        required
        minLength={2}
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={fieldError("name")}
        errorTestId="client-error-name"
      />
      <TextField
        label="Slug (optional)"
        name="slug"
        maxLength={40}
        placeholder={slugFromName(name) || "derived from the name"}
        autoCapitalize="none"
        spellCheck={false}
        hint="The client's subdomain. Leave empty to use the one shown."
        error={fieldError("slug")}
        errorTestId="client-error-slug"
      />
      <TextField label="Segment (optional)" name="segment" maxLength={60} error={fieldError("segment")} errorTestId="client-error-segment" />
      <TextField
        label="First admin email"
        name="adminEmail"
        type="email"
        required
        maxLength={254}
        autoComplete="off"
        error={fieldError("adminEmail")}
        errorTestId="client-error-adminEmail"
      />
      <TextField
        label="First admin password (optional)"
        name="adminPassword"
        type="password"
        minLength={12}
        maxLength={200}
        autoComplete="new-password"
        hint="At least 12 characters. Leave empty to get a one-time setup link instead."
        error={fieldError("adminPassword")}
        errorTestId="client-error-adminPassword"
      />
      {!pending && otherFields.length ? (
        <Alert tone="error">
          {otherFields.map(([k, v]) => (
            <p key={k}>
              {k}: {v}
            </p>
          ))}
        </Alert>
      ) : null}
      {formError && !state.fields ? (
        <Alert tone="error" data-testid="client-error">
          {formError}
        </Alert>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Creating the client…" : "Create client"}
        </Button>
        <Link href="/admin" className="text-sm text-slate-700 underline">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function Created({ created }: { created: NonNullable<CreateClientState["created"]> }) {
  const [copied, setCopied] = useState(false);
  return (
    <section aria-labelledby="created-heading" className="space-y-4 rounded-lg border border-emerald-200 bg-white p-6 shadow-sm">
      <h2 id="created-heading" className="text-lg font-semibold" data-testid="client-created">
        {created.name} is ready ({created.slug})
      </h2>
      {created.setupLink ? (
        <div className="space-y-2">
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
            Copy this setup link now and send it to the client&apos;s first admin: it lets them set their password. It is not shown again; if it is lost or
            expires, issue a new one from the clients list (Setup link).
          </p>
          <label className="block text-sm">
            <span className="text-slate-700">One-time setup link</span>
            <input
              readOnly
              value={created.setupLink}
              data-testid="setup-link"
              onFocus={(e) => e.currentTarget.select()}
              className={`${input} font-mono text-xs`}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              navigator.clipboard?.writeText(created.setupLink!).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm"
          >
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-600">The first admin can sign in with the password you set.</p>
      )}
      <p className="flex gap-4 text-sm">
        <a href="/admin" className="text-brand-700 underline">
          Back to clients
        </a>
        <a href="/admin/clients/new" className="text-brand-700 underline">
          Create another client
        </a>
      </p>
    </section>
  );
}
