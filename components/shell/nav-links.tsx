"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Icon } from "@/components/ui/icon";
import { cn } from "@/components/ui/cn";
import type { ShellNavSection } from "./types";

// The shell's navigation list (sidebar and drawer). The current page's link is
// marked (aria-current) by the longest item path the URL starts with, so
// /ledger/accounts marks "Chart of accounts", not "Journal".

/** The path as the user sees it: a tenant page's internal /t/<slug> prefix (the edge rewrite) removed. */
export function visiblePath(pathname: string): string {
  return pathname.replace(/^\/t\/[^/]+(?=\/|$)/, "") || "/";
}

export function currentItem(sections: ShellNavSection[], pathname: string): string | undefined {
  const path = visiblePath(pathname);
  let best: string | undefined;
  for (const s of sections)
    for (const i of s.items) {
      const match = i.path === path || (i.path !== "/" && i.path !== "/admin" && path.startsWith(`${i.path}/`));
      if (match && (!best || i.path.length > best.length)) best = i.path;
    }
  return best;
}

export function NavLinks({ sections, onNavigate }: { sections: ShellNavSection[]; onNavigate?: () => void }) {
  const current = currentItem(sections, usePathname() ?? "/");
  return (
    <nav aria-label="Main" className="space-y-6">
      {sections.map((s) => (
        <div key={s.key} className="space-y-1">
          {s.label ? (
            <p id={`nav-${s.key}`} className="px-3 text-xs font-semibold tracking-wide text-slate-600 uppercase">
              {s.label}
            </p>
          ) : null}
          <ul className="space-y-0.5" aria-labelledby={s.label ? `nav-${s.key}` : undefined}>
            {s.items.map((i) => {
              const active = i.path === current;
              return (
                <li key={i.path}>
                  <Link
                    href={i.path}
                    onClick={onNavigate}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium",
                      active ? "text-brand-800 bg-brand-50" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                    )}
                  >
                    <Icon name={i.icon} className={cn("size-4 shrink-0", active ? "text-brand-700" : "text-slate-500")} />
                    {i.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
