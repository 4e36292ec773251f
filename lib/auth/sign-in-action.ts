import { AuthError, CredentialsSignin } from "next-auth";
import { WRONG_CREDENTIALS } from "./login";

// What a sign-in server action answers. On success the browser navigates
// itself (a full navigation): a redirect() inside a server action is rendered
// by Next with an internal fetch to the apex origin, which never passes the
// middleware's tenant rewrite. On refusal: the same text for a wrong email and
// a wrong password; rate limiting says so.
export interface SignInResult {
  error?: string;
  email?: string;
  redirectTo?: string;
}

/** A sign-in action's form, or the plain refusal when a hand-built call sent anything else (never a 500). */
export function credentialsOf(form: unknown): { email: FormDataEntryValue | null; password: FormDataEntryValue | null } | null {
  return form instanceof FormData ? { email: form.get("email"), password: form.get("password") } : null;
}

export async function signInOrExplain(email: unknown, run: () => Promise<unknown>, redirectTo: string): Promise<SignInResult> {
  const typed = typeof email === "string" ? email : "";
  try {
    await run();
    return { redirectTo };
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited") return { error: "Too many failed sign-ins; try again later.", email: typed };
    if (err instanceof AuthError) return { error: WRONG_CREDENTIALS, email: typed };
    throw err;
  }
}
