"use client";

import { ChevronDown, KeyRound, LogOut } from "lucide-react";
import Link from "next/link";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";

// The signed-in person: their name on a button that opens a small panel with
// who they are, "Change password" (where there is one) and "Sign out".
// A disclosure (button + aria-expanded), closed by Escape or a click outside.

export function UserMenu({
  name,
  detail,
  passwordHref,
  signOut,
  signOutTo,
}: {
  name: string;
  detail: string;
  passwordHref?: string;
  signOut: () => Promise<void>;
  signOutTo: string;
}) {
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const hydrated = useHydrated();
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onClick);
    };
  }, [open]);
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join("");
  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        disabled={!hydrated}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((v) => !v)}
        className="flex items-center gap-2 rounded-md py-1 pr-1 pl-1 text-sm text-slate-800 hover:bg-slate-100 disabled:opacity-60"
      >
        <span aria-hidden="true" className="flex size-8 items-center justify-center rounded-full bg-brand-700 text-xs font-semibold text-white">
          {initials || "?"}
        </span>
        <span className="sr-only">Account menu for </span>
        <span className="max-w-40 truncate font-medium max-sm:sr-only" data-testid="user-name">
          {name}
        </span>
        <ChevronDown className="size-4 text-slate-500" aria-hidden="true" />
      </button>
      <div id={id} hidden={!open} className="absolute right-0 z-40 mt-2 w-64 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <div className="border-b border-slate-100 px-3 py-2">
          <p className="truncate text-sm font-medium text-slate-900">{name}</p>
          <p className="truncate text-xs text-slate-600">{detail}</p>
        </div>
        {passwordHref ? (
          <Link
            href={passwordHref}
            onClick={() => setOpen(false)}
            className="mt-1 flex items-center gap-2 rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100"
          >
            <KeyRound className="size-4 text-slate-500" aria-hidden="true" />
            Change password
          </Link>
        ) : null}
        <button
          type="button"
          disabled={!hydrated || pending}
          onClick={() =>
            start(async () => {
              await signOut();
              window.location.assign(signOutTo);
            })
          }
          className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 disabled:opacity-60"
        >
          <LogOut className="size-4 text-slate-500" aria-hidden="true" />
          {pending ? "Signing out…" : "Sign out"}
        </button>
      </div>
    </div>
  );
}
