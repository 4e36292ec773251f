import type { ReactNode } from "react";
import { cn } from "./cn";

const TONES = {
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  slate: "bg-slate-100 text-slate-700 ring-slate-500/20",
  red: "bg-red-50 text-red-800 ring-red-600/20",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/20",
} as const;

export type Tone = keyof typeof TONES;

export function Badge({ children, tone = "slate", className, ...rest }: { children: ReactNode; tone?: Tone; className?: string; "data-testid"?: string }) {
  return (
    <span
      className={cn("inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset", TONES[tone], className)}
      {...rest}
    >
      {children}
    </span>
  );
}
