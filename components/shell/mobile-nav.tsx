"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useHydrated } from "@/lib/ui/use-hydrated";
import { NavLinks } from "./nav-links";
import type { ShellNavSection } from "./types";

// Phones: the navigation is a drawer behind a menu button (aria-expanded,
// aria-controls). Opening moves focus into the drawer and keeps Tab inside it;
// Escape, the close button, the backdrop or following a link close it, and
// focus returns to the menu button.

export function MobileNav({ sections, header }: { sections: ShellNavSection[]; header: ReactNode }) {
  const [open, setOpen] = useState(false);
  const hydrated = useHydrated();
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const pathname = usePathname();
  const [shownPath, setShownPath] = useState(pathname);
  if (shownPath !== pathname) {
    setShownPath(pathname);
    setOpen(false);
  }

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const el = panel.current;
    el?.querySelector<HTMLElement>("a, button")?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        setOpen(false);
        toggle.current?.focus();
      } else if (e.key === "Tab" && el) {
        const focusable = [...el.querySelectorAll<HTMLElement>("a[href], button:not([disabled])")];
        const first = focusable[0];
        const last = focusable[focusable.length - 1];
        if (e.shiftKey && document.activeElement === first) {
          e.preventDefault();
          last?.focus();
        } else if (!e.shiftKey && document.activeElement === last) {
          e.preventDefault();
          first?.focus();
        }
      }
    };
    document.addEventListener("keydown", onKey);
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    return () => {
      document.removeEventListener("keydown", onKey);
      document.body.style.overflow = overflow;
    };
  }, [open]);

  return (
    <div className="lg:hidden">
      <button
        ref={toggle}
        type="button"
        disabled={!hydrated}
        aria-expanded={open}
        aria-controls={id}
        aria-label="Menu"
        onClick={() => setOpen((v) => !v)}
        className="-ml-1 rounded-md p-2 text-slate-700 hover:bg-slate-100 disabled:opacity-60"
      >
        <Menu className="size-5" aria-hidden="true" />
      </button>
      <div id={id} hidden={!open}>
        {open ? (
          <div className="fixed inset-0 z-40">
            <div className="absolute inset-0 bg-slate-900/40" onClick={() => setOpen(false)} aria-hidden="true" />
            <div
              ref={panel}
              role="dialog"
              aria-modal="true"
              aria-label="Navigation"
              className="absolute inset-y-0 left-0 flex w-72 max-w-[85vw] flex-col gap-6 overflow-y-auto bg-white p-4 shadow-xl"
            >
              <div className="flex items-start justify-between gap-3">
                {header}
                <button type="button" onClick={close} aria-label="Close menu" className="rounded-md p-2 text-slate-700 hover:bg-slate-100">
                  <X className="size-5" aria-hidden="true" />
                </button>
              </div>
              <NavLinks sections={sections} onNavigate={() => setOpen(false)} />
            </div>
          </div>
        ) : null}
      </div>
    </div>
  );
}
