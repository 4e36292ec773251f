"use client";

import "./globals.css";

// The last resort: the root layout itself failed, so this renders its own <html>.
// Kept free of the kit (which might be what failed).

export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen items-center justify-center bg-slate-50 px-4 text-slate-900 antialiased">
        <main className="w-full max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-8 text-center shadow-sm">
          <p className="font-semibold tracking-tight">BISMAN ERP</p>
          <h1 className="text-2xl font-semibold">Something went wrong</h1>
          <p className="text-sm text-slate-600">The application could not start this page. Try again; if it keeps happening, tell your administrator.</p>
          {error.digest ? <p className="font-mono text-xs text-slate-600">Reference: {error.digest}</p> : null}
          <button type="button" onClick={reset} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
