"use client";

import Link from "next/link";
import { useEffect } from "react";
import { StatusPage } from "@/components/errors/status-page";
import { buttonClass } from "@/components/ui/button";

// A page that failed while rendering. The server has logged the error; the
// digest ties this screen to that log line.

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <StatusPage code="Error" title="Something went wrong" data-testid="error-page">
      <p>The page could not be shown. Nothing you entered was lost by this screen; try again, and if it keeps happening tell your administrator.</p>
      {error.digest ? (
        <p>
          Reference: <span className="font-mono">{error.digest}</span>
        </p>
      ) : null}
      <div className="flex flex-wrap justify-center gap-3 pt-2">
        <button type="button" onClick={reset} className={buttonClass("primary")}>
          Try again
        </button>
        <Link href="/" className={buttonClass("secondary")}>
          Start page
        </Link>
      </div>
    </StatusPage>
  );
}
