import type { Metadata } from "next";
import { headers } from "next/headers";
import { listAccounts } from "@/lib/erp/ledger/list-accounts";
import { ZAccountType } from "@/lib/erp/ledger/accounts.types";
import { Badge, LedgerHeader } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { AccountActiveButton, CreateAccountForm, StandardChartButton } from "@/app/t/[tenant]/ledger/accounts/account-forms";

export const metadata: Metadata = { title: "Chart of accounts" };

export default async function AccountsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, access, data: accounts } = await ledgerPage((await params).tenant, await headers(), "ledger:accounts:read", (ctx) => listAccounts(ctx));
  const codeOf = new Map(accounts.map((a) => [a.id, a.code]));
  return (
    <>
      <LedgerHeader tenantName={tenant.name} title="Chart of accounts" access={access} />
      {accounts.length === 0 ? (
        <div className="space-y-3 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No accounts yet.</p>
          {access.writeAccounts ? (
            <>
              <p>Start from a standard chart for a small business (cash, bank, receivables, payables, equity, sales and expenses), then add your own accounts.</p>
              <StandardChartButton />
            </>
          ) : null}
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Accounts, by code</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Code</th>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Type</th>
                <th scope="col" className="px-4 py-2">Parent</th>
                <th scope="col" className="px-4 py-2">Active</th>
                {access.writeAccounts ? <th scope="col" className="px-4 py-2">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td className="px-4 py-2 font-mono">{a.code}</td>
                  <th scope="row" className="px-4 py-2 text-left font-medium text-slate-900">
                    {a.name}
                  </th>
                  <td className="px-4 py-2 text-slate-700">{a.type}</td>
                  <td className="px-4 py-2 font-mono text-slate-600">{a.parentId ? (codeOf.get(a.parentId) ?? "") : <span className="text-slate-500">—</span>}</td>
                  <td className="px-4 py-2">{a.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>}</td>
                  {access.writeAccounts ? (
                    <td className="px-4 py-2">
                      <AccountActiveButton id={a.id} label={`${a.code} ${a.name}`} isActive={a.isActive} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {access.writeAccounts ? <CreateAccountForm types={ZAccountType.options} accounts={accounts.map(({ id, code, name, type }) => ({ id, code, name, type }))} /> : null}
    </>
  );
}
