"use server";
// Server action of /account/password: change one's own password. The change ends every earlier session, this one too,
// so the form then sends the browser to the sign-in page (email filled in) to sign in with the new password.
import { headers } from "next/headers";
import { changePasswordCore } from "./action-cores";

export interface ChangePasswordState {
  error?: string;
  /** Field → message (422). */
  fields?: Record<string, string>;
  done?: boolean;
  /** Where the browser goes next: the sign-in page, since this session has ended. */
  redirectTo?: string;
}

export async function changePasswordAction(_state: ChangePasswordState, form: FormData): Promise<ChangePasswordState> {
  const newPassword = form.get("newPassword");
  const r = await changePasswordCore(await headers(), {
    currentPassword: form.get("currentPassword"),
    newPassword,
    confirmPassword: form.get("confirmPassword"),
  });
  if (!r.ok) {
    const fields = r.problem.errors?.length ? Object.fromEntries(r.problem.errors.map((e) => [e.path || "form", e.message])) : undefined;
    return { fields, error: r.problem.detail ?? r.problem.title };
  }
  return { done: true, redirectTo: `/sign-in?${new URLSearchParams({ email: r.data.email, changed: "password" })}` };
}
