"use client";

import { buttonClass } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId, useState } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { archiveClientAction, issueSetupLinkAction, setClientStatusAction, type RowActionState, type SetupLinkState } from "./clients/actions";

const button = buttonClass("secondary", "sm");

/** Suspend / Resume / Archive for one client row; the page is re-rendered on the server afterwards. */
export function ClientRowActions({ id, slug, name, status }: { id: string; slug: string; name: string; status: string }) {
  const router = useRouter();
  const [statusState, statusAction, statusPending] = useActionState<RowActionState, FormData>(setClientStatusAction, {});
  const [archiveState, archiveAction, archivePending] = useActionState<RowActionState, FormData>(archiveClientAction, {});
  const [linkState, linkAction, linkPending] = useActionState<SetupLinkState, FormData>(issueSetupLinkAction, {});
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const hydrated = useHydrated();
  useEffect(() => {
    if (statusState.done || archiveState.done) router.refresh();
  }, [statusState, archiveState, router]);
  if (status !== "ACTIVE" && status !== "SUSPENDED") return <span className="text-xs text-slate-500">—</span>;
  const next = status === "ACTIVE" ? "SUSPENDED" : "ACTIVE";
  const error = statusState.error ?? archiveState.error ?? archiveState.fields?.confirmSlug ?? linkState.error;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={statusAction}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="status" value={next} />
          <button type="submit" disabled={statusPending} className={button} aria-label={`${next === "SUSPENDED" ? "Suspend" : "Resume"} ${name}`}>
            {next === "SUSPENDED" ? "Suspend" : "Resume"}
          </button>
        </form>
        {status === "ACTIVE" ? (
          <form action={linkAction}>
            <input type="hidden" name="id" value={id} />
            <button
              type="submit"
              disabled={linkPending}
              className={button}
              aria-label={`New setup link for ${name}`}
              title="A new one-time link for an owner who has not set a password yet"
            >
              Setup link
            </button>
          </form>
        ) : null}
        <button
          type="button"
          disabled={!hydrated}
          className={buttonClass("danger", "sm")}
          aria-expanded={confirming}
          aria-label={`Archive ${name}`}
          onClick={() => setConfirming((v) => !v)}
        >
          Archive
        </button>
      </div>
      {confirming ? (
        <form action={archiveAction} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-2">
          <input type="hidden" name="id" value={id} />
          <label htmlFor={inputId} className="block text-xs text-red-900">
            Archiving refuses the client at once and deletes its database after the grace period. Type <strong className="font-mono">{slug}</strong> to confirm.
          </label>
          <input
            id={inputId}
            name="confirmSlug"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-md border border-red-300 px-2 py-1 font-mono text-xs"
          />
          <button type="submit" disabled={archivePending || typed.trim() !== slug} className={buttonClass("dangerSolid", "sm")}>
            Archive {slug}
          </button>
        </form>
      ) : null}
      {linkState.link && status === "ACTIVE" ? <IssuedLink link={linkState.link} /> : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A freshly issued setup link: shown once, to copy and send to the owner it names (also in the super admin's table). */
export function IssuedLink({ link }: { link: NonNullable<SetupLinkState["link"]> }) {
  const inputId = useId();
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs text-amber-900">
      <label htmlFor={inputId} className="block">
        Send this one-time link to <strong>{link.email}</strong>; it works until {new Date(link.expiresAt).toUTCString()} or until a password is set.
      </label>
      <input
        id={inputId}
        readOnly
        value={link.url}
        data-testid="reissued-setup-link"
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-md border border-amber-300 bg-white px-2 py-1 font-mono"
      />
    </div>
  );
}
