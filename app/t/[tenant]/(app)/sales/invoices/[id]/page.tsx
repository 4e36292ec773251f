import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { Card, PageHeader } from "@/components/ui/page-header";
import { tenantPageScope } from "@/lib/api/pages";
import { AppError } from "@/lib/errors";
import { getInvoice } from "@/lib/modules/sales/get-invoice";
import { DocumentActions } from "@/app/t/[tenant]/sales/document-actions";
import { StatusBadge } from "@/app/t/[tenant]/sales/status-badge";

export const metadata: Metadata = { title: "Invoice" };

const money = (s: string) => s.slice(0, -2);

export default async function InvoicePage({ params }: { params: Promise<{ tenant: string; id: string }> }) {
  const { tenant: param, id } = await params;
  const { tenant, data } = await tenantPageScope(param, await headers(), "sales:invoices:read", async (ctx, permissions) => {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const doc = await getInvoice(ctx, id).catch((e) => (e instanceof AppError && e.status === 404 ? null : Promise.reject(e)));
    if (!doc) return null;
    const [history, payments, creditNotes] = await Promise.all([
      ctx.db.auditLog.findMany({ where: { targetId: id }, orderBy: { id: "asc" }, select: { id: true, at: true, action: true, metadata: true }, take: 100 }),
      ctx.db.paymentAllocation.findMany({
        where: { invoiceId: id },
        select: { id: true, amount: true, payment: { select: { number: true, date: true, status: true } } },
        orderBy: { id: "asc" },
      }),
      ctx.db.invoice.findMany({
        where: { creditOfId: id },
        select: { id: true, number: true, date: true, amountApplied: true, status: true },
        orderBy: { date: "asc" },
      }),
    ]);
    return {
      doc,
      history: history.map((h) => ({ id: String(h.id), at: h.at.toISOString().slice(0, 16).replace("T", " "), action: h.action, metadata: h.metadata })),
      payments: payments.map((p) => ({
        id: p.id,
        number: p.payment.number,
        date: p.payment.date.toISOString().slice(0, 10),
        status: p.payment.status,
        amount: p.amount.toFixed(2),
      })),
      creditNotes: creditNotes.map((c) => ({ ...c, date: c.date.toISOString().slice(0, 10), amountApplied: c.amountApplied.toFixed(2) })),
      canWrite: permissions.has("sales:invoices:write"),
      canIssue: permissions.has("sales:invoices:issue"),
    };
  });
  if (!data) notFound();
  const d = data.doc;
  const title = `${d.kind === "CREDIT_NOTE" ? "Credit note" : "Invoice"} ${d.number ?? "(draft)"}`;
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: tenant.name, href: "/" }, { label: "Invoices", href: "/sales/invoices" }, { label: d.number ?? "Draft" }]}
        actions={<StatusBadge status={d.status} />}
      />
      <DocumentActions id={d.id} status={d.status} kind={d.kind} canWrite={data.canWrite} canIssue={data.canIssue} />
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="invoice-details">
          {(
            [
              ["Customer", d.contactName],
              ["Date", d.date],
              ["Due", d.kind === "INVOICE" ? d.dueDate : "—"],
              ["Reference", d.reference ?? "—"],
              ["Journal entry", d.journalEntryNumber ? `#${d.journalEntryNumber}` : "not posted (draft)"],
              ["Balance due", money(d.balanceDue)],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <dt className="font-medium text-slate-800">{k}</dt>
              <dd className="text-slate-700">{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <DataTable
        caption="Lines"
        columns={[
          { key: "description", header: "Description", primary: true },
          { key: "quantity", header: "Qty", align: "right" },
          { key: "price", header: "Unit price", align: "right" },
          { key: "discount", header: "Disc. %", align: "right" },
          { key: "net", header: "Net", align: "right" },
          { key: "tax", header: "Tax", align: "right" },
          { key: "total", header: "Total", align: "right" },
        ]}
        rows={d.lines.map((l) => ({
          id: l.id,
          cells: {
            description: l.description,
            quantity: l.quantity.replace(/\.?0+$/, ""),
            price: money(l.unitPrice),
            discount: l.discountPercent.replace(/\.?0+$/, "") || "0",
            net: money(l.net),
            tax: money(l.taxAmount),
            total: money(l.total),
          },
        }))}
      />
      <dl className="ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm" data-testid="invoice-totals">
        <dt className="text-slate-600">Subtotal</dt>
        <dd className="text-right tabular-nums">{money(d.subtotal)}</dd>
        <dt className="text-slate-600">Tax</dt>
        <dd className="text-right tabular-nums">{money(d.taxTotal)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{money(d.total)}</dd>
        <dt className="text-slate-600">Paid</dt>
        <dd className="text-right tabular-nums">{money(d.amountPaid)}</dd>
        <dt className="text-slate-600">Credited</dt>
        <dd className="text-right tabular-nums">{money(d.amountCredited)}</dd>
      </dl>
      {data.payments.length || data.creditNotes.length || d.creditOfId ? (
        <Card title="Payments and credits" titleId="payments-heading">
          <ul className="space-y-1 text-sm">
            {data.payments.map((p) => (
              <li key={p.id}>
                {p.date} · payment {p.number} · {p.amount}
                {p.status === "VOID" ? " (void)" : ""}
              </li>
            ))}
            {data.creditNotes.map((c) => (
              <li key={c.id}>
                {c.date} ·{" "}
                <Link href={`/sales/invoices/${c.id}`} className="text-brand-800 underline">
                  credit note {c.number ?? "(draft)"}
                </Link>{" "}
                · {c.amountApplied}
              </li>
            ))}
            {d.creditOfId ? (
              <li>
                Credits{" "}
                <Link href={`/sales/invoices/${d.creditOfId}`} className="text-brand-800 underline">
                  its invoice
                </Link>
              </li>
            ) : null}
          </ul>
        </Card>
      ) : null}
      <Card title="History" titleId="history-heading">
        <ol className="space-y-1 text-sm" data-testid="invoice-history">
          {data.history.map((h) => (
            <li key={h.id}>
              <span className="font-mono text-xs text-slate-600">{h.at}</span> {h.action.replace(/^[a-z_]+\./, "").replace("_", " ")}
              {h.action.endsWith("status_changed") && h.metadata && typeof h.metadata === "object" && "to" in h.metadata ? ` → ${String(h.metadata.to)}` : ""}
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}
