"use server";
// Server action: sign an enterprise or super admin in (apex host only); the form then navigates to /admin.
import { headers } from "next/headers";
import { signIn } from "@/auth";
import { adminSignInRefusal } from "@/lib/auth/admin-host";
import { signInOrExplain } from "@/lib/auth/sign-in-action";
import type { SignInState } from "./sign-in-form";

export async function adminSignIn(_state: SignInState, form: FormData): Promise<SignInState> {
  return adminSignInRefusal(await headers(), form.get("email")) ?? signInOrExplain(form.get("email"), () => signIn("admin", { email: form.get("email"), password: form.get("password"), redirect: false }), "/admin");
}
