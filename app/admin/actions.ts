"use server";
// Server action: end the admin's browser session (the button then navigates to /admin/sign-in).
import { signOut } from "@/auth";

export async function adminSignOut(): Promise<void> {
  await signOut({ redirect: false });
}
