"use server";
// Server actions of the tenant's ledger pages: new entry, post and void (/ledger); new account and the standard chart (/ledger/accounts).
import { headers } from "next/headers";
import type { JournalEntryView } from "@/lib/erp/ledger/entries.types";
import type { Problem } from "@/lib/errors";
import { createAccountCore, createDefaultAccountsCore, createEntryCore, postEntryCore, voidEntryCore } from "./action-cores";
import { explain, text, type FormState } from "./form-state";

export type CreateEntryResult = { ok: true; number: number; status: JournalEntryView["status"] } | { ok: false; problem: Problem };

/** The new-entry form sends the service's request (money as strings; see entry-draft.ts). */
export async function createEntryAction(input: unknown): Promise<CreateEntryResult> {
  const r = await createEntryCore(await headers(), input);
  return r.ok ? { ok: true, number: r.data.number, status: r.data.status } : { ok: false, problem: r.problem };
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

export async function createDefaultAccountsAction(): Promise<FormState> {
  const r = await createDefaultAccountsCore(await headers(), {});
  if (!r.ok) return explain(r.problem);
  return { done: r.data.created > 0 ? `Created ${r.data.created} accounts.` : "The chart already has accounts; nothing was changed." };
}
