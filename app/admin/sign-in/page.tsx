import type { Metadata } from "next";

export const metadata: Metadata = { title: "Admin sign-in" };

export default function AdminSignInPage() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <form method="post" className="w-full max-w-sm space-y-4 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h1 className="text-xl font-semibold">Sign in to the admin console</h1>
        <label className="block text-sm">
          <span className="text-slate-700">Email</span>
          <input name="email" type="email" required autoComplete="username" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <label className="block text-sm">
          <span className="text-slate-700">Password</span>
          <input name="password" type="password" required autoComplete="current-password" className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
        </label>
        <button type="submit" className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Sign in
        </button>
      </form>
    </main>
  );
}
