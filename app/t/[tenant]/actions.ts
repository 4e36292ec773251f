"use server";
// Server actions of the tenant app: sign a user of the host's tenant in (the form then navigates to /) and out.
import { signIn, signOut } from "@/auth";
import { WRONG_CREDENTIALS } from "@/lib/auth/login";
import { credentialsOf, signInOrExplain } from "@/lib/auth/sign-in-action";
import type { SignInState } from "@/app/admin/sign-in/sign-in-form";

export async function tenantSignIn(_state: SignInState, form: FormData): Promise<SignInState> {
  const c = credentialsOf(form);
  if (!c) return { error: WRONG_CREDENTIALS };
  return signInOrExplain(c.email, () => signIn("tenant", { ...c, redirect: false }), "/");
}

export async function tenantSignOut(): Promise<void> {
  await signOut({ redirect: false });
}
