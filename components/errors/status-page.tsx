import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";

// The product's own full-page messages: not found, forbidden, suspended, errors.
// Plain links (<a>), not client navigation: these pages are reached from
// anywhere, including a host whose app shell never loaded.

export function StatusPage({
  code,
  title,
  children,
  actions,
  ...rest
}: {
  code?: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  "data-testid"?: string;
}) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-12" {...rest}>
      <div className="w-full max-w-md space-y-6 text-center">
        <Link href="/" className="inline-block">
          <Logo />
        </Link>
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
          {code ? <p className="font-mono text-sm font-semibold text-brand-700">{code}</p> : null}
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
          <div className="space-y-2 text-sm text-slate-600">{children}</div>
          {actions ? <div className="flex flex-wrap justify-center gap-3 pt-2">{actions}</div> : null}
        </div>
      </div>
    </main>
  );
}
