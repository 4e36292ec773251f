import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

// A message box. `tone` picks colour and icon; errors are announced at once
// (role="alert"), everything else politely (role="status"). `live={false}`
// for a message that is part of the page rather than news.

const TONES = {
  error: { box: "border-red-200 bg-red-50 text-red-900", Icon: CircleAlert, icon: "text-red-700" },
  warning: { box: "border-amber-300 bg-amber-50 text-amber-950", Icon: TriangleAlert, icon: "text-amber-700" },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", Icon: CircleCheck, icon: "text-emerald-700" },
  info: { box: "border-sky-200 bg-sky-50 text-sky-950", Icon: Info, icon: "text-sky-700" },
} as const;

export type AlertTone = keyof typeof TONES;

export function Alert({
  tone = "info",
  title,
  children,
  live = true,
  className,
  ...rest
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  className?: string;
  "data-testid"?: string;
}) {
  const t = TONES[tone];
  const role = live ? (tone === "error" ? "alert" : "status") : undefined;
  return (
    <div role={role} className={cn("flex gap-2.5 rounded-md border px-3 py-2.5 text-sm", t.box, className)} {...rest}>
      <t.Icon className={cn("mt-0.5 size-4 shrink-0", t.icon)} aria-hidden="true" />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** A short inline result line (a row action's outcome): announced politely, or as an alert when it is an error. */
export function InlineMessage({
  tone,
  children,
  className,
  ...rest
}: {
  tone: "error" | "success";
  children: ReactNode;
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <p role={tone === "error" ? "alert" : "status"} className={cn("text-xs", tone === "error" ? "text-red-700" : "text-emerald-800", className)} {...rest}>
      {children}
    </p>
  );
}
