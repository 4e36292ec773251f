"use client";

import { useTransition } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";

/** Calls a sign-out server action, then navigates (a full navigation: see lib/auth/sign-in-action.ts). */
export function SignOutButton({ action, to }: { action: () => Promise<void>; to: string }) {
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      disabled={!hydrated || pending}
      onClick={() =>
        start(async () => {
          await action();
          window.location.assign(to);
        })
      }
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm disabled:opacity-60"
    >
      Sign out
    </button>
  );
}
