import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthFrame } from "@/components/shell/auth-frame";
import { currentAdmin } from "@/lib/api/pages";
import { adminSignIn } from "./actions";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Admin sign-in" };

export default async function AdminSignInPage() {
  if (await currentAdmin(await headers())) redirect("/admin");
  return (
    <AuthFrame>
      <SignInForm action={adminSignIn} title="Sign in to the admin console" subtitle="Enterprise admins and super admins." />
    </AuthFrame>
  );
}
