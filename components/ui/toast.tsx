"use client";

import { CircleCheck, X } from "lucide-react";
import { useEffect, useState } from "react";

// A small notice in the corner for an outcome the user should see wherever they
// are on the page ("Entry #4 posted."). A polite live region, dismissible,
// gone after a few seconds. `message` changing (with a new `id`) shows it again.

export function Toast({ message, id }: { message?: string; id?: number | string }) {
  const [shown, setShown] = useState<typeof id>(undefined);
  const [last, setLast] = useState<typeof id>(undefined);
  if (id !== last) {
    setLast(id);
    setShown(message ? id : undefined);
  }
  useEffect(() => {
    if (shown === undefined) return;
    const t = setTimeout(() => setShown(undefined), 6000);
    return () => clearTimeout(t);
  }, [shown]);
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 sm:justify-end">
      {shown !== undefined && message ? (
        <div className="pointer-events-auto flex items-center gap-2 rounded-md bg-slate-900 px-4 py-2.5 text-sm text-white shadow-lg">
          <CircleCheck className="size-4 text-emerald-400" aria-hidden="true" />
          <span>{message}</span>
          <button type="button" onClick={() => setShown(undefined)} className="ml-2 rounded p-0.5 hover:bg-slate-700" aria-label="Dismiss">
            <X className="size-4" aria-hidden="true" />
          </button>
        </div>
      ) : null}
    </div>
  );
}
