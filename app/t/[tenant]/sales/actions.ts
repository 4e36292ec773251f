"use server";
// Server actions of the sales pages: new invoice (/sales/invoices/new); issue, delete a draft, credit in full (/sales/invoices/:id).
import { headers } from "next/headers";
import type { Problem } from "@/lib/errors";
import { createInvoiceCore, creditInvoiceCore, deleteInvoiceCore, issueInvoiceCore } from "./action-cores";

export type CreateInvoiceResult = { ok: true; id: string } | { ok: false; problem: Problem };

/** The invoice form sends the service's request (money as strings). */
export async function createInvoiceAction(input: unknown): Promise<CreateInvoiceResult> {
  const r = await createInvoiceCore(await headers(), input);
  return r.ok ? { ok: true, id: r.data.id } : { ok: false, problem: r.problem };
}

export interface DocumentActionState {
  error?: string;
  /** What was done (the page refreshes), or where to go next. */
  done?: string;
  goTo?: string;
}

const id = (form: FormData) => form.get("id");
const failed = (p: Problem): DocumentActionState => ({ error: p.detail ?? p.title });

export async function issueInvoiceAction(_state: DocumentActionState, form: FormData): Promise<DocumentActionState> {
  const r = await issueInvoiceCore(await headers(), { id: id(form) });
  return r.ok ? { done: `Issued as ${r.data.number}.` } : failed(r.problem);
}

export async function deleteInvoiceAction(_state: DocumentActionState, form: FormData): Promise<DocumentActionState> {
  const r = await deleteInvoiceCore(await headers(), { id: id(form) });
  return r.ok ? { done: "Draft deleted.", goTo: "/sales/invoices" } : failed(r.problem);
}

/** Credits all of the invoice, dated today (or the invoice's date when later). */
export async function creditInvoiceAction(_state: DocumentActionState, form: FormData): Promise<DocumentActionState> {
  const r = await creditInvoiceCore(await headers(), { id: id(form) });
  return r.ok ? { done: `Credit note ${r.data.number} issued.`, goTo: `/sales/invoices/${r.data.id}` } : failed(r.problem);
}
