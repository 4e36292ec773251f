import { AuthError, CredentialsSignin } from "next-auth";
import { WRONG_CREDENTIALS } from "./login";

// What a sign-in server action answers when next-auth refuses: the same text
// for a wrong email and a wrong password; rate limiting says so.
export async function signInOrExplain(run: () => Promise<unknown>): Promise<{ error?: string }> {
  try {
    await run(); // redirects (throws NEXT_REDIRECT) on success
    return {};
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "rate_limited") return { error: "Too many failed sign-ins; try again later." };
    if (err instanceof AuthError) return { error: WRONG_CREDENTIALS };
    throw err;
  }
}
