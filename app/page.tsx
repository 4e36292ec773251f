import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-6 px-6">
      <h1 className="text-4xl font-semibold tracking-tight">BISMAN ERP</h1>
      <p className="text-lg text-slate-600">
        A multi-tenant ERP: every client has its own PostgreSQL database, its own users and roles, and a real double-entry ledger.
      </p>
      <div className="flex gap-3">
        <Link href="/admin/sign-in" className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700">
          Admin console
        </Link>
      </div>
      <p className="text-sm text-slate-500">
        Client users sign in at their own address, <code>&lt;your-company&gt;.{"<this domain>"}</code>.
      </p>
    </main>
  );
}
