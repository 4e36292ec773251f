"use server";
// Server action: sign an enterprise or super admin in (apex host only); the form then navigates to /admin.
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { adminSignInRefusal } from "@/lib/auth/admin-host";
import { WRONG_CREDENTIALS } from "@/lib/auth/login";
import { credentialsOf, signInOrExplain } from "@/lib/auth/sign-in-action";
import type { SignInState } from "./sign-in-form";

export async function adminSignIn(_state: SignInState, form: FormData): Promise<SignInState> {
  const c = credentialsOf(form);
  if (!c) return { error: WRONG_CREDENTIALS };
  return adminSignInRefusal(await headers(), c.email) ?? signInOrExplain(c.email, () => signIn("admin", { ...c, redirect: false }), "/admin");
}
