"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { IssuedLink } from "./client-row-actions";
import { issueAssignedSetupLinkAction, type SetupLinkState } from "./clients/actions";

/** The super admin's action on an assigned, active client: a new setup link for its owner who has not set a password. */
export function AssignedClientActions({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<SetupLinkState, FormData>(issueAssignedSetupLinkAction, {});
  return (
    <div className="space-y-2">
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" disabled={pending} aria-label={`New setup link for ${name}`} className={buttonClass("secondary", "sm")}>
          Setup link
        </button>
      </form>
      {state.link ? <IssuedLink link={state.link} /> : null}
      {state.error ? (
        <p role="alert" className="text-xs text-red-700">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
