// Server pages called in-process: how Next ends a page (notFound() / redirect() throw a digest).

/** What a page's navigation throws (notFound / redirect) as a digest, or "rendered"; any other error is rethrown. */
export async function pageOutcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "rendered";
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? err);
    if (digest.includes("404")) return "not found";
    if (digest.startsWith("NEXT_REDIRECT")) return `redirect ${digest.split(";")[2]}`;
    throw err;
  }
}
