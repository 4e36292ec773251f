"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { controlClass } from "@/components/ui/form-field";
import { Card } from "@/components/ui/page-header";
import { createInvoiceAction } from "./actions";
import { documentCents, formatCents, lineCents, type TaxRate } from "./line-totals";

export interface ProductOption {
  id: string;
  code: string;
  name: string;
  unitPrice: string;
  taxId: string | null;
}

interface Line {
  key: number;
  productId: string;
  description: string;
  quantity: string;
  unitPrice: string;
  discountPercent: string;
  taxId: string;
}

const input = `mt-1 ${controlClass}`;
const trimZeros = (s: string) => s.replace(/(\.\d*?[1-9])0+$|\.0+$/, "$1");
let nextKey = 1;
const emptyLine = (): Line => ({ key: nextKey++, productId: "", description: "", quantity: "1", unitPrice: "", discountPercent: "", taxId: "" });

/**
 * A new sales invoice: customer, dates, lines (a product fills in description, price and tax), live exact totals
 * (BigInt cents, the service's rules: line-totals.ts). Lines stack on phones. Saves a DRAFT, then opens it.
 */
export function InvoiceForm({
  customers,
  products,
  taxes,
  today,
}: {
  customers: { id: string; name: string }[];
  products: ProductOption[];
  taxes: (TaxRate & { name: string })[];
  today: string;
}) {
  const router = useRouter();
  const id = useId();
  const [contactId, setContactId] = useState(customers[0]?.id ?? "");
  const [date, setDate] = useState(today);
  const [dueDate, setDueDate] = useState("");
  const [reference, setReference] = useState("");
  const [lines, setLines] = useState<Line[]>([emptyLine()]);
  const [problem, setProblem] = useState<{ detail: string; fields: Record<string, string> } | null>(null);
  const [pending, start] = useTransition();
  const totals = documentCents(lines, taxes);

  const change = (key: number, patch: Partial<Line>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const pickProduct = (key: number, productId: string) => {
    const p = products.find((x) => x.id === productId);
    change(key, p ? { productId, description: p.name, unitPrice: trimZeros(p.unitPrice), taxId: p.taxId ?? "" } : { productId: "" });
  };
  const fieldError = (path: string) => problem?.fields[path];

  const submit = () => {
    const request = {
      contactId,
      date,
      ...(dueDate ? { dueDate } : {}),
      ...(reference.trim() ? { reference: reference.trim() } : {}),
      lines: lines.map((l) => ({
        ...(l.productId ? { productId: l.productId } : {}),
        ...(l.description.trim() ? { description: l.description.trim() } : {}),
        quantity: l.quantity.trim(),
        ...(l.unitPrice.trim() ? { unitPrice: l.unitPrice.trim() } : {}),
        ...(l.discountPercent.trim() ? { discountPercent: l.discountPercent.trim() } : {}),
        taxId: l.taxId || null,
      })),
    };
    start(async () => {
      const r = await createInvoiceAction(request);
      if (r.ok) router.push(`/sales/invoices/${r.id}`);
      else setProblem({ detail: r.problem.detail ?? r.problem.title, fields: Object.fromEntries((r.problem.errors ?? []).map((e) => [e.path, e.message])) });
    });
  };

  const err = (path: string) =>
    fieldError(path) ? (
      <span role="alert" className="mt-1 block text-xs font-medium text-red-700">
        {fieldError(path)}
      </span>
    ) : null;

  return (
    <Card title="New invoice" titleId={`${id}-title`}>
      <form
        className="space-y-5"
        data-testid="invoice-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <div className="text-sm sm:col-span-2">
            <label htmlFor={`${id}-contact`} className="font-medium text-slate-800">
              Customer
            </label>
            <select
              id={`${id}-contact`}
              value={contactId}
              onChange={(e) => setContactId(e.target.value)}
              required
              className={input}
              aria-invalid={!!fieldError("contactId")}
            >
              {customers.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {err("contactId")}
          </div>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Date</span>
            <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required className={input} />
            {err("date")}
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-800">Due date</span>
            <input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} className={input} aria-describedby={`${id}-due-hint`} />
            <span id={`${id}-due-hint`} className="mt-1 block text-xs text-slate-600">
              Empty: the customer&apos;s payment terms.
            </span>
            {err("dueDate")}
          </label>
          <label className="block text-sm sm:col-span-2">
            <span className="font-medium text-slate-800">Reference (optional)</span>
            <input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={100} className={input} />
          </label>
        </div>

        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-slate-800">Lines</legend>
          {lines.map((l, i) => {
            const c = lineCents(l, taxes);
            return (
              <div key={l.key} data-testid={`invoice-line-${i}`} className="grid gap-2 rounded-md border border-slate-200 p-3 sm:grid-cols-12 sm:items-end">
                <label className="block text-xs sm:col-span-3">
                  <span className="font-medium text-slate-700">Product</span>
                  <select value={l.productId} onChange={(e) => pickProduct(l.key, e.target.value)} className={input} aria-label={`Line ${i + 1} product`}>
                    <option value="">Free text</option>
                    {products.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.code} {p.name}
                      </option>
                    ))}
                  </select>
                  {err(`lines.${i}.productId`)}
                </label>
                <label className="block text-xs sm:col-span-3">
                  <span className="font-medium text-slate-700">Description</span>
                  <input
                    value={l.description}
                    onChange={(e) => change(l.key, { description: e.target.value })}
                    maxLength={500}
                    className={input}
                    aria-label={`Line ${i + 1} description`}
                  />
                  {err(`lines.${i}.description`)}
                  {err(`lines.${i}.accountId`)}
                </label>
                <label className="block text-xs sm:col-span-1">
                  <span className="font-medium text-slate-700">Qty</span>
                  <input
                    inputMode="decimal"
                    value={l.quantity}
                    onChange={(e) => change(l.key, { quantity: e.target.value })}
                    className={input}
                    aria-label={`Line ${i + 1} quantity`}
                  />
                  {err(`lines.${i}.quantity`)}
                </label>
                <label className="block text-xs sm:col-span-2">
                  <span className="font-medium text-slate-700">Unit price</span>
                  <input
                    inputMode="decimal"
                    value={l.unitPrice}
                    onChange={(e) => change(l.key, { unitPrice: e.target.value })}
                    className={input}
                    aria-label={`Line ${i + 1} unit price`}
                  />
                  {err(`lines.${i}.unitPrice`)}
                </label>
                <label className="block text-xs sm:col-span-1">
                  <span className="font-medium text-slate-700">Disc. %</span>
                  <input
                    inputMode="decimal"
                    value={l.discountPercent}
                    onChange={(e) => change(l.key, { discountPercent: e.target.value })}
                    className={input}
                    aria-label={`Line ${i + 1} discount percent`}
                  />
                  {err(`lines.${i}.discountPercent`)}
                </label>
                <label className="block text-xs sm:col-span-2">
                  <span className="font-medium text-slate-700">Tax</span>
                  <select value={l.taxId} onChange={(e) => change(l.key, { taxId: e.target.value })} className={input} aria-label={`Line ${i + 1} tax`}>
                    <option value="">No tax</option>
                    {taxes.map((t) => (
                      <option key={t.id} value={t.id}>
                        {t.name}
                      </option>
                    ))}
                  </select>
                  {err(`lines.${i}.taxId`)}
                </label>
                <div className="flex items-center justify-between gap-2 text-sm sm:col-span-12">
                  <span className="text-slate-600" data-testid={`invoice-line-${i}-total`}>
                    Net {formatCents(c.net)} · tax {formatCents(c.tax)} · <span className="font-medium text-slate-900">{formatCents(c.total)}</span>
                  </span>
                  {lines.length > 1 ? (
                    <Button size="sm" variant="ghost" onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))} aria-label={`Remove line ${i + 1}`}>
                      Remove
                    </Button>
                  ) : null}
                </div>
              </div>
            );
          })}
          <Button size="sm" onClick={() => setLines((ls) => [...ls, emptyLine()])}>
            Add a line
          </Button>
        </fieldset>

        <dl className="ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm" data-testid="invoice-totals">
          <dt className="text-slate-600">Subtotal</dt>
          <dd className="text-right tabular-nums">{formatCents(totals.net)}</dd>
          <dt className="text-slate-600">Tax</dt>
          <dd className="text-right tabular-nums">{formatCents(totals.tax)}</dd>
          <dt className="font-semibold text-slate-900">Total</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="invoice-total">
            {formatCents(totals.total)}
          </dd>
        </dl>

        {problem ? (
          <Alert tone="error" data-testid="invoice-form-error">
            <p>{problem.detail}</p>
          </Alert>
        ) : null}
        <Button type="submit" variant="primary" disabled={pending || !contactId}>
          {pending ? "Saving…" : "Save draft"}
        </Button>
      </form>
    </Card>
  );
}
