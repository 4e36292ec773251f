"use server";
// Server action of /account/password: change one's own password, then sign in again with it (the change ends every earlier session, this one too).
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { changePasswordCore } from "./action-cores";

export interface ChangePasswordState {
  error?: string;
  /** Field → message (422). */
  fields?: Record<string, string>;
  done?: boolean;
  /** Set when the new session could not be opened: the user signs in again there. */
  redirectTo?: string;
}

export async function changePasswordAction(_state: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const newPassword = form.get("newPassword");
  const r = await changePasswordCore(await headers(), { currentPassword: form.get("currentPassword"), newPassword, confirmPassword: form.get("confirmPassword") });
  if (!r.ok) {
    const fields = r.problem.errors?.length ? Object.fromEntries(r.problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
    return { fields, error: r.problem.detail ?? r.problem.title };
  }
  try {
    await signIn("tenant", { email: r.data.email, password: newPassword, redirect: false });
    return { done: true };
  } catch {
    return { done: true, redirectTo: `/sign-in?${new URLSearchParams({ email: r.data.email })}` };
  }
}
