import type { ReactNode } from "react";
import { Logo } from "./logo";

/** Sign-in and setup pages: the logo above one centred card. */
export function AuthFrame({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-slate-50 px-4 py-12">
      <Logo />
      <div className="flex w-full justify-center">{children}</div>
    </main>
  );
}
