import Link from "next/link";
import type { ReactNode } from "react";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import type { ShellNavSection } from "./types";
import { UserMenu } from "./user-menu";

// The frame of every signed-in page (server component): a sidebar from `lg` up,
// a top bar with a menu button and a drawer below it, the organisation's name,
// and the user menu. The tenant app and the admin console use it with their own
// navigation (lib/modules/navigation.ts).

export interface ShellUser {
  name: string;
  detail: string;
  passwordHref?: string;
  signOut: () => Promise<void>;
  signOutTo: string;
}

export function AppShell({
  org,
  orgDetail,
  homeHref,
  sections,
  user,
  children,
}: {
  org: string;
  orgDetail: string;
  homeHref: string;
  sections: ShellNavSection[];
  user: ShellUser;
  children: ReactNode;
}) {
  const orgBlock = (
    <div className="min-w-0">
      <Link href={homeHref} className="block rounded-md focus-visible:outline-2 focus-visible:outline-brand-600">
        <Logo />
      </Link>
      <p className="mt-3 truncate text-sm font-semibold text-slate-900" data-testid="shell-org">
        {org}
      </p>
      <p className="truncate text-xs text-slate-600">{orgDetail}</p>
    </div>
  );
  return (
    <div className="min-h-screen lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-slate-200 bg-white lg:block">
        <div className="sticky top-0 flex h-screen flex-col gap-8 overflow-y-auto p-4">
          {orgBlock}
          <NavLinks sections={sections} />
        </div>
      </aside>
      <div className="flex min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur sm:px-6 lg:px-8">
          <MobileNav sections={sections} header={orgBlock} />
          <p className="min-w-0 flex-1 truncate text-sm font-semibold text-slate-900 lg:font-normal lg:text-slate-600">{org}</p>
          <UserMenu name={user.name} detail={user.detail} passwordHref={user.passwordHref} signOut={user.signOut} signOutTo={user.signOutTo} />
        </header>
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 space-y-6 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
