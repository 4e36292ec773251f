"use server";
// Server actions of the tenant's ledger pages: new entry, edit and delete a draft, post, void and reverse (/ledger);
// new account, (de)activate an account and the standard chart (/ledger/accounts).
import { headers } from "next/headers";
import type { JournalEntryView } from "@/lib/modules/ledger/entries.types";
import type { Problem } from "@/lib/errors";
import {
  createAccountCore,
  createDefaultAccountsCore,
  createEntryCore,
  deleteEntryCore,
  postEntryCore,
  reverseEntryCore,
  updateAccountCore,
  updateEntryCore,
  voidEntryCore,
} from "./action-cores";
import { explain, text, type FormState } from "./form-state";

export type CreateEntryResult = { ok: true; number: number; status: JournalEntryView["status"] } | { ok: false; problem: Problem };

/** The new-entry form sends the service's request (money as strings; see entry-draft.ts). */
export async function createEntryAction(input: unknown): Promise<CreateEntryResult> {
  const r = await createEntryCore(await headers(), input);
  return r.ok ? { ok: true, number: r.data.number, status: r.data.status } : { ok: false, problem: r.problem };
}

/** The edit form sends the service's request with the draft's id; "Post" posts it in the same transaction (nothing is saved when it cannot be posted). */
export async function updateEntryAction(input: unknown, post: boolean): Promise<CreateEntryResult> {
  const r = await updateEntryCore(await headers(), typeof input === "object" && input !== null ? { ...input, post: post === true } : input);
  return r.ok ? { ok: true, number: r.data.number, status: r.data.status } : { ok: false, problem: r.problem };
}

export async function deleteEntryAction(_state: FormState, form: FormData): Promise<FormState> {
  const r = await deleteEntryCore(await headers(), { id: form.get("id") });
  return r.ok ? { done: "Draft deleted." } : explain(r.problem);
}

/** An empty date is left out: the service dates the reversal today (or on the original's later date). */
export async function reverseEntryAction(_state: FormState, form: FormData): Promise<FormState> {
  const date = text(form, "date");
  const r = await reverseEntryCore(await headers(), { id: form.get("id"), date: date || undefined });
  return r.ok ? { done: `Reversal #${r.data.number} posted.` } : explain(r.problem);
}

export async function postEntryAction(_state: FormState, form: FormData): Promise<FormState> {
  const r = await postEntryCore(await headers(), { id: form.get("id") });
  return r.ok ? { done: `Entry #${r.data.number} posted.` } : explain(r.problem);
}

export async function voidEntryAction(_state: FormState, form: FormData): Promise<FormState> {
  const r = await voidEntryCore(await headers(), { id: form.get("id") });
  return r.ok ? { done: `Entry #${r.data.number} voided.` } : explain(r.problem);
}

export async function createAccountAction(_state: FormState, form: FormData): Promise<FormState> {
  const values = { code: text(form, "code"), name: text(form, "name"), type: text(form, "type"), parentId: text(form, "parentId") };
  const r = await createAccountCore(await headers(), { ...values, parentId: values.parentId || undefined });
  return r.ok ? { done: `Account ${r.data.code} ${r.data.name} created.` } : { ...explain(r.problem), values };
}

/** Sends `isActive` for one account: the button's form says "true" or "false" (anything else reaches the schema as it is, and is refused). */
export async function setAccountActiveAction(_state: FormState, form: FormData): Promise<FormState> {
  const value = form.get("isActive");
  const r = await updateAccountCore(await headers(), { id: form.get("id"), isActive: value === "true" ? true : value === "false" ? false : value });
  return r.ok ? { done: `Account ${r.data.code} ${r.data.isActive ? "activated" : "deactivated"}.` } : explain(r.problem);
}

export async function createDefaultAccountsAction(): Promise<FormState> {
  const r = await createDefaultAccountsCore(await headers(), {});
  if (!r.ok) return explain(r.problem);
  return { done: r.data.created > 0 ? `Created ${r.data.created} accounts.` : "The chart already has accounts; nothing was changed." };
}
