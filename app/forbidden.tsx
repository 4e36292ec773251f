import Link from "next/link";
import type { Metadata } from "next";
import { StatusPage } from "@/components/errors/status-page";
import { buttonClass } from "@/components/ui/button";

// What `forbidden()` shows (next.config.mjs: experimental.authInterrupts). Most
// pages answer 404 to someone who may not see them; this is for the places that
// say plainly that the page exists but is not theirs.

export const metadata: Metadata = { title: "Not allowed" };

export default function Forbidden() {
  return (
    <StatusPage code="403" title="You are not allowed to see this" data-testid="forbidden">
      <p>Your account does not have the permission this page needs. Ask an owner or administrator of your workspace to give you a role that has it.</p>
      <div className="pt-2">
        <Link href="/" className={buttonClass("primary")}>
          Go to the start page
        </Link>
      </div>
    </StatusPage>
  );
}
