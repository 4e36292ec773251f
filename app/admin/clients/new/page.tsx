import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/api/pages";
import { CreateClientForm } from "./create-client-form";

export const metadata: Metadata = { title: "New client" };
// A fresh Idempotency-Key per render: never cached.
export const dynamic = "force-dynamic";

export default async function NewClientPage() {
  const admin = await requireAdmin(await headers());
  if (admin.kind !== "enterprise-admin") notFound();
  return (
    <main className="mx-auto max-w-xl space-y-6 px-6 py-10">
      <p className="text-sm">
        <Link href="/admin" className="text-slate-600 underline">
          ← Clients
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">New client</h1>
      <p className="text-sm text-slate-600">Creates the client&apos;s own database, its roles and its first admin (as Owner). This takes a few seconds.</p>
      <CreateClientForm idempotencyKey={randomUUID()} />
    </main>
  );
}
