import { log } from "../observability/log";

// Work that must happen but must not delay the answer, e.g. the audit entry of a
// refused sign-in: awaiting it would make a refusal of an existing account slower
// than one of an unknown email (which writes nothing), and the difference tells
// which emails exist. Failures are logged, never thrown at the caller.
// `backgroundSettled()` waits for what is still running (tests, shutdown).

const pending = new Set<Promise<unknown>>();

export function runInBackground(what: string, work: () => Promise<unknown>): void {
  const p: Promise<unknown> = Promise.resolve()
    .then(work)
    .catch((err) => log.error(`background work failed: ${what}`, { err }))
    .finally(() => pending.delete(p));
  pending.add(p);
}

/** Resolves once every piece of background work started so far has finished. */
export async function backgroundSettled(): Promise<void> {
  while (pending.size > 0) await Promise.allSettled([...pending]);
}
