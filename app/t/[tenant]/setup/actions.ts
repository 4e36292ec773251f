"use server";
// Server action: set the first password through a setup link (the form then navigates to /sign-in).
import { headers } from "next/headers";
import { setInitialPasswordCore } from "./action-cores";

export interface SetupState {
  /** Field → message (422). */
  fields?: Record<string, string>;
  error?: string;
  /** The link is forged, expired, another tenant's or already used: the form gives way to the message. */
  spent?: boolean;
  redirectTo?: string;
}

export async function setInitialPasswordAction(_state: SetupState, form: FormData): Promise<SetupState> {
  const r = await setInitialPasswordCore(await headers(), {
    token: form.get("token"),
    password: form.get("password"),
    confirmPassword: form.get("confirmPassword"),
  });
  if (r.ok) return { redirectTo: r.data.redirectTo };
  const { problem } = r;
  if (problem.status === 404) return { spent: true, error: problem.detail };
  if (problem.errors?.length) return { fields: Object.fromEntries(problem.errors.map((e) => [e.path, e.message])) };
  return { error: problem.detail ?? problem.title };
}
