"use server";
// Server actions of the contact pages: new contact (/contacts/new) and edit one (/contacts/:id).
import { headers } from "next/headers";
import { createContactCore, updateContactCore } from "./action-cores";
import { contactInput } from "./contact-input";

export interface ContactFormState {
  error?: string;
  /** Field → message (the problem's `errors`), shown next to the field. */
  fields?: Record<string, string>;
  /** The saved contact's id. */
  saved?: string;
  /** Set when a new contact was created (the form then opens it). */
  created?: boolean;
}

export async function saveContactAction(_state: ContactFormState, form: FormData): Promise<ContactFormState> {
  const id = form.get("id");
  const existing = typeof id === "string" && id !== "";
  const input = contactInput(form, existing);
  const r = existing ? await updateContactCore(await headers(), { id, ...input }) : await createContactCore(await headers(), input);
  if (!r.ok) {
    const fields = r.problem.errors?.length ? Object.fromEntries(r.problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
    return { fields, error: r.problem.detail ?? r.problem.title };
  }
  return { saved: r.data.id, created: !existing };
}
