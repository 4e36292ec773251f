"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { slugFromName } from "@/lib/provisioning/slug";
import { createClientAction, type CreateClientState } from "../actions";

const input = "mt-1 w-full rounded-md border border-slate-300 px-3 py-2";

/** The new-client form; `idempotencyKey` is made per render of the page, so a double submit provisions one tenant. */
export function CreateClientForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, action, pending] = useActionState<CreateClientState, FormData>(createClientAction, { key: idempotencyKey });
  const [name, setName] = useState("");
  if (state.created) return <Created created={state.created} />;
  const fieldError = (field: string) =>
    state.fields?.[field] ? (
      <span role="alert" data-testid={`client-error-${field}`} className="mt-1 block text-sm text-red-700">
        {state.fields[field]}
      </span>
    ) : null;
  const otherFields = Object.entries(state.fields ?? {}).filter(([k]) => !["name", "slug", "segment", "adminEmail", "adminPassword"].includes(k));
  return (
    <form action={action} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <input type="hidden" name="idempotencyKey" value={state.key} />
      <label className="block text-sm">
        <span className="text-slate-700">Name</span>
        <input name="name" required minLength={2} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} className={input} />
        {fieldError("name")}
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">Slug (optional)</span>
        <input name="slug" maxLength={40} placeholder={slugFromName(name) || "derived from the name"} autoCapitalize="none" spellCheck={false} className={input} />
        <span className="mt-1 block text-xs text-slate-500">The client&apos;s subdomain. Leave empty to use the one shown.</span>
        {fieldError("slug")}
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">Segment (optional)</span>
        <input name="segment" maxLength={60} className={input} />
        {fieldError("segment")}
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">First admin email</span>
        <input name="adminEmail" type="email" required maxLength={254} autoComplete="off" className={input} />
        {fieldError("adminEmail")}
      </label>
      <label className="block text-sm">
        <span className="text-slate-700">First admin password (optional)</span>
        <input name="adminPassword" type="password" minLength={12} maxLength={200} autoComplete="new-password" className={input} />
        <span className="mt-1 block text-xs text-slate-500">At least 12 characters. Leave empty to get a one-time setup link instead.</span>
        {fieldError("adminPassword")}
      </label>
      {otherFields.map(([k, v]) => (
        <p key={k} role="alert" className="text-sm text-red-700">
          {k}: {v}
        </p>
      ))}
      {state.error ? (
        <p role="alert" data-testid="client-error" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Creating the client…" : "Create client"}
        </button>
        <Link href="/admin" className="text-sm text-slate-600 underline">
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
          <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            Copy this setup link now and send it to the client&apos;s first admin: it lets them set their password. It is not shown again; if it is lost or expires, issue a new one from the clients list (Setup link).
          </p>
          <label className="block text-sm">
            <span className="text-slate-700">One-time setup link</span>
            <input readOnly value={created.setupLink} data-testid="setup-link" onFocus={(e) => e.currentTarget.select()} className={`${input} font-mono text-xs`} />
          </label>
          <button
            type="button"
            onClick={() => navigator.clipboard?.writeText(created.setupLink!).then(() => setCopied(true), () => setCopied(false))}
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
