"use server";
// Server action: end the admin's browser session.
import { signOut } from "@/auth";

export async function adminSignOut(): Promise<void> {
  await signOut({ redirectTo: "/admin/sign-in" });
}
