"use server";
// Server actions of the admin console's clients (enterprise admins): create (/admin/clients/new), suspend/resume, archive and a new setup link (/admin rows).
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import type { Problem } from "@/lib/errors";
import { archiveClientCore, createClientCore, issueAssignedSetupLinkCore, issueSetupLinkCore, setClientStatusCore } from "./action-cores";

export interface CreateClientState {
  /** The Idempotency-Key of the next submit: kept while a submit may be a repeat, new after a refusal (the corrected form is a new request). */
  key: string;
  /** Field → message (422 / 409). */
  fields?: Record<string, string>;
  error?: string;
  created?: { clientId: string; slug: string; name: string; setupLink?: string };
}

export interface RowActionState {
  error?: string;
  fields?: Record<string, string>;
  done?: string;
}

export interface SetupLinkState {
  error?: string;
  link?: { url: string; email: string; expiresAt: string };
}

function explain(problem: Problem): { fields?: Record<string, string>; error?: string } {
  const fields = problem.errors?.length ? Object.fromEntries(problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
  return { fields, error: fields ? undefined : (problem.detail ?? problem.title) };
}

const text = (form: FormData, name: string): string | undefined => {
  const v = form.get(name);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
};

export async function createClientAction(state: CreateClientState, form: FormData): Promise<CreateClientState> {
  const client = {
    name: text(form, "name") ?? "",
    slug: text(form, "slug")?.trim().toLowerCase(),
    segment: text(form, "segment"),
    adminEmail: text(form, "adminEmail") ?? "",
    adminPassword: text(form, "adminPassword"),
  };
  const r = await createClientCore(await headers(), { idempotencyKey: text(form, "idempotencyKey") ?? state.key, client });
  if (!r.ok) return { key: randomUUID(), ...explain(r.problem) };
  return { key: state.key, created: { clientId: r.data.clientId, slug: r.data.slug, name: client.name, setupLink: r.data.setupLink } };
}

export async function setClientStatusAction(_state: RowActionState, form: FormData): Promise<RowActionState> {
  const r = await setClientStatusCore(await headers(), { id: form.get("id"), status: form.get("status") });
  return r.ok ? { done: r.data.status } : explain(r.problem);
}

export async function archiveClientAction(_state: RowActionState, form: FormData): Promise<RowActionState> {
  const r = await archiveClientCore(await headers(), { id: form.get("id"), confirmSlug: form.get("confirmSlug") ?? "" });
  return r.ok ? { done: r.data.status } : explain(r.problem);
}

export async function issueSetupLinkAction(_state: SetupLinkState, form: FormData): Promise<SetupLinkState> {
  return linkState(await issueSetupLinkCore(await headers(), { id: form.get("id") }));
}

/** The same for a super admin, on a client assigned to them. */
export async function issueAssignedSetupLinkAction(_state: SetupLinkState, form: FormData): Promise<SetupLinkState> {
  return linkState(await issueAssignedSetupLinkCore(await headers(), { id: form.get("id") }));
}

function linkState(r: Awaited<ReturnType<typeof issueSetupLinkCore>>): SetupLinkState {
  return r.ok ? { link: { url: r.data.setupLink, email: r.data.email, expiresAt: r.data.expiresAt } } : { error: r.problem.detail ?? r.problem.title };
}
