import { ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { buttonClass } from "./button";

// Cursor paging (the services answer a next cursor, not page numbers): a link
// back to the first page while one is past it, and a link to the next page.

export function Pagination({
  firstHref,
  nextHref,
  firstLabel = "First page",
  nextLabel = "Next page",
}: {
  firstHref?: string;
  nextHref?: string;
  firstLabel?: string;
  nextLabel?: string;
}) {
  if (!firstHref && !nextHref) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-3">
      {firstHref ? (
        <Link href={firstHref} className={buttonClass("secondary", "md")}>
          <ChevronLeft className="size-4" aria-hidden="true" />
          {firstLabel}
        </Link>
      ) : (
        <span />
      )}
      {nextHref ? (
        <Link href={nextHref} className={buttonClass("secondary", "md")}>
          {nextLabel}
          <ChevronRight className="size-4" aria-hidden="true" />
        </Link>
      ) : null}
    </nav>
  );
}
