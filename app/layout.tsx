import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Rendered per request: every page carries the CSP nonce of its request (middleware.ts), which a prerendered page cannot.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "BISMAN ERP", template: "%s · BISMAN ERP" },
  description: "Open-source, self-hostable, multi-tenant ERP.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
