"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, SelectField, Textarea, TextField } from "@/components/ui/form-field";
import { Card } from "@/components/ui/page-header";
import { useKeptForm } from "@/components/ui/kept-form";
import type { ContactView } from "@/lib/modules/contacts/contacts.types";
import { saveContactAction, type ContactFormState } from "./actions";

export interface AccountOption {
  id: string;
  code: string;
  name: string;
}

/** New or existing contact; a refusal keeps what was typed and shows the service's message next to its field. */
export function ContactForm({ contact, income, expense }: { contact?: ContactView; income: AccountOption[]; expense: AccountOption[] }) {
  const { state, pending, fieldError, formError, formProps } = useKeptForm<ContactFormState>(saveContactAction, {});
  const router = useRouter();
  useEffect(() => {
    if (state.saved && state.created) router.push(`/contacts/${state.saved}`);
    else if (state.saved) router.refresh();
  }, [state, router]);
  const c = contact;
  const check = "size-4 rounded border-slate-300 text-brand-700";
  return (
    <Card title={c ? "Details" : "New contact"} titleId="contact-form-heading">
      <form {...formProps} className="space-y-4" data-testid="contact-form">
        {c ? <input type="hidden" name="id" value={c.id} /> : null}
        <div className="grid gap-4 md:grid-cols-2">
          <TextField label="Name" name="name" required maxLength={200} defaultValue={c?.name} autoComplete="off" error={fieldError("name")} />
          <TextField label="Email" name="email" type="email" maxLength={254} defaultValue={c?.email ?? ""} autoComplete="off" error={fieldError("email")} />
          <TextField label="Phone" name="phone" maxLength={50} defaultValue={c?.phone ?? ""} autoComplete="off" error={fieldError("phone")} />
          <TextField label="Tax id" name="taxId" maxLength={50} defaultValue={c?.taxId ?? ""} autoComplete="off" error={fieldError("taxId")} />
        </div>
        <FormField label="Billing address" error={fieldError("billingAddress")}>
          {(p) => <Textarea {...p} name="billingAddress" rows={3} maxLength={1000} defaultValue={c?.billingAddress ?? ""} />}
        </FormField>
        <fieldset className="space-y-2 text-sm">
          <legend className="font-medium text-slate-800">Role</legend>
          <div className="flex flex-wrap gap-6">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="isCustomer" defaultChecked={c ? c.isCustomer : true} className={check} /> Customer
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="isVendor" defaultChecked={c?.isVendor ?? false} className={check} /> Vendor
            </label>
          </div>
          {fieldError("isCustomer") ? (
            <p role="alert" className="text-xs font-medium text-red-700">
              {fieldError("isCustomer")}
            </p>
          ) : null}
        </fieldset>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            label="Payment terms (days)"
            name="paymentTermsDays"
            type="number"
            min={0}
            max={365}
            required
            defaultValue={c?.paymentTermsDays ?? 30}
            hint="30 is net 30; 0 is due on receipt."
            error={fieldError("paymentTermsDays")}
          />
          <SelectField label="Default income account" name="incomeAccountId" defaultValue={c?.incomeAccountId ?? ""} error={fieldError("incomeAccountId")}>
            <option value="">None</option>
            {income.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} {a.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Default expense account" name="expenseAccountId" defaultValue={c?.expenseAccountId ?? ""} error={fieldError("expenseAccountId")}>
            <option value="">None</option>
            {expense.map((a) => (
              <option key={a.id} value={a.id}>
                {a.code} {a.name}
              </option>
            ))}
          </SelectField>
        </div>
        {c ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isActive" defaultChecked={c.isActive} className={check} /> Active (inactive contacts are hidden from new documents)
          </label>
        ) : null}
        {formError ? (
          <Alert tone="error" data-testid="contact-form-error">
            <p>{formError}</p>
          </Alert>
        ) : null}
        {state.saved && !state.created && !pending ? <Alert tone="success">Saved.</Alert> : null}
        <Button type="submit" variant="primary" disabled={pending}>
          {pending ? "Saving…" : c ? "Save changes" : "Create contact"}
        </Button>
      </form>
    </Card>
  );
}
