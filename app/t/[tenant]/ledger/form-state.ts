import type { Problem } from "@/lib/errors";

// What the ledger's form actions answer to their forms (useActionState).

export interface FormState {
  /** A sentence for the whole form (the problem's detail). */
  error?: string;
  /** Field path → message (the problem's `errors`). */
  fields?: Record<string, string>;
  /** What was done, to show and to know the page needs a refresh. */
  done?: string;
  /** The submitted values, kept after a refusal (React resets a form after its action). */
  values?: Record<string, string>;
}

export function explain(problem: Problem): FormState {
  const fields = problem.errors?.length ? Object.fromEntries(problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
  return { fields, error: problem.detail ?? problem.title };
}

export const text = (form: FormData, name: string): string => {
  const v = form.get(name);
  return typeof v === "string" ? v : "";
};
