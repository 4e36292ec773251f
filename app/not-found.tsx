import Link from "next/link";
import type { Metadata } from "next";
import { StatusPage } from "@/components/errors/status-page";
import { buttonClass } from "@/components/ui/button";

// Every 404 of the app: an unknown address, a page one may not see (pages answer
// 404 rather than reveal it exists), and an unknown or archived tenant's host
// (tenantPage calls notFound() for those).

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <StatusPage code="404" title="This page does not exist" data-testid="not-found">
      <p>The address may be mistyped, the page may have moved, or it is not open to your account.</p>
      <p>If you followed a link to your company&apos;s workspace, check its address with your administrator.</p>
      <div className="pt-2">
        <Link href="/" className={buttonClass("primary")}>
          Go to the start page
        </Link>
      </div>
    </StatusPage>
  );
}
