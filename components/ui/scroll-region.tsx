import type { ReactNode } from "react";

/**
 * A wide table's frame: on a narrow screen it scrolls sideways, so it is a labelled,
 * focusable region (keyboard users scroll it with the arrow keys; WCAG 2.1.1).
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
    >
      {children}
    </div>
  );
}
