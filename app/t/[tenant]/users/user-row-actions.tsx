"use client";

import { buttonClass } from "@/components/ui/button";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useId } from "react";
import { issuePasswordLinkAction, setUserActiveAction, type PasswordLinkState, type UserRowState } from "./actions";

const button = buttonClass("secondary", "sm");

/**
 * Deactivate / Reactivate and a password link for one user row; the page is re-rendered on the server after a
 * status change. Refusals (oneself, the last Owner, someone more powerful) are the service's, shown inline.
 */
export function UserRowActions({ id, name, isActive }: { id: string; name: string; isActive: boolean }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<UserRowState, FormData>(setUserActiveAction, {});
  const [linkState, linkAction, linkPending] = useActionState<PasswordLinkState, FormData>(issuePasswordLinkAction, {});
  useEffect(() => {
    if (state.done) router.refresh();
  }, [state, router]);
  const error = state.error ?? linkState.error;
  return (
    <div className="space-y-1 text-right">
      <div className="flex justify-end gap-2">
        {isActive ? (
          <form action={linkAction}>
            <input type="hidden" name="id" value={id} />
            <button type="submit" disabled={linkPending} aria-label={`Password link for ${name}`} className={button}>
              Password link
            </button>
          </form>
        ) : null}
        <form action={action}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="isActive" value={isActive ? "false" : "true"} />
          <button type="submit" disabled={pending} aria-label={`${isActive ? "Deactivate" : "Reactivate"} ${name}`} className={button}>
            {isActive ? "Deactivate" : "Reactivate"}
          </button>
        </form>
      </div>
      {linkState.link && isActive ? <IssuedLink name={name} link={linkState.link} /> : null}
      {error ? (
        <p role="alert" className="text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A password link, shown once, to copy and send to the user it is for. */
function IssuedLink({ name, link }: { name: string; link: NonNullable<PasswordLinkState["link"]> }) {
  const inputId = useId();
  return (
    <div className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-left text-xs text-amber-900">
      <label htmlFor={inputId} className="block">
        {link.kind === "reset" ? "A password reset link" : "A setup link"} for {name}, shown once: it works until {new Date(link.expiresAt).toUTCString()} or
        until the password is set
        {link.kind === "reset" ? ", and signs them out everywhere when used" : ""}.
      </label>
      <input
        id={inputId}
        readOnly
        value={link.url}
        data-testid="password-link"
        onFocus={(e) => e.currentTarget.select()}
        className="w-full rounded-md border border-amber-300 bg-white px-2 py-1 font-mono"
      />
    </div>
  );
}
