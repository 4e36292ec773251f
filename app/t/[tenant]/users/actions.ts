"use server";
// Server actions of the users page (core:users:write): create a user; deactivate or reactivate one; a password link.
import { headers } from "next/headers";
import { createUserCore, issuePasswordLinkCore, setUserActiveCore } from "./action-cores";

export interface CreateUserState {
  error?: string;
  /** Field → message (422 / 409), shown next to the field. */
  fields?: Record<string, string>;
  created?: string;
}

export async function createUserAction(_state: CreateUserState, form: FormData): Promise<CreateUserState> {
  const result = await createUserCore(await headers(), { email: form.get("email"), name: form.get("name"), password: form.get("password") });
  if (!result.ok) {
    const { problem } = result;
    const fields = problem.errors?.length ? Object.fromEntries(problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
    return { fields, error: problem.detail ?? problem.title };
  }
  return { created: result.data.email };
}

export interface UserRowState {
  error?: string;
  done?: boolean;
}

export async function setUserActiveAction(_state: UserRowState, form: FormData): Promise<UserRowState> {
  const r = await setUserActiveCore(await headers(), { id: form.get("id"), isActive: form.get("isActive") === "true" });
  return r.ok ? { done: true } : { error: r.problem.detail ?? r.problem.title };
}

export interface PasswordLinkState {
  error?: string;
  link?: { url: string; kind: "setup" | "reset"; expiresAt: string };
}

export async function issuePasswordLinkAction(_state: PasswordLinkState, form: FormData): Promise<PasswordLinkState> {
  const r = await issuePasswordLinkCore(await headers(), { id: form.get("id") });
  return r.ok ? { link: { url: r.data.link, kind: r.data.kind, expiresAt: r.data.expiresAt } } : { error: r.problem.detail ?? r.problem.title };
}
