import type { Metadata } from "next";
import { headers } from "next/headers";
import { DataTable } from "@/components/ui/data-table";
import { listAccounts } from "@/lib/modules/ledger/list-accounts";
import { ZAccountType } from "@/lib/modules/ledger/accounts.types";
import { Badge, LedgerHeader } from "@/app/t/[tenant]/ledger/ledger-nav";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { AccountActiveButton, CreateAccountForm, StandardChartButton } from "@/app/t/[tenant]/ledger/accounts/account-forms";

export const metadata: Metadata = { title: "Chart of accounts" };

export default async function AccountsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant, access, data: accounts } = await ledgerPage((await params).tenant, await headers(), "/ledger/accounts", (ctx) => listAccounts(ctx));
  const codeOf = new Map(accounts.map((a) => [a.id, a.code]));
  return (
    <>
      <LedgerHeader
        tenantName={tenant.name}
        title="Chart of accounts"
        description="The accounts entries are recorded to, by code. Deactivate an account to stop new lines using it; its history stays."
        access={access}
      />
      {accounts.length === 0 ? (
        <div className="space-y-3 rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          <p className="font-medium text-slate-800">No accounts yet.</p>
          {access.writeAccounts ? (
            <>
              <p>
                Start from a standard chart for a small business (cash, bank, receivables, payables, equity, sales and expenses), then add your own accounts.
              </p>
              <StandardChartButton />
            </>
          ) : null}
        </div>
      ) : (
        <DataTable
          caption="Accounts, by code"
          initialSort={{ key: "code" }}
          columns={[
            { key: "code", header: "Code", sortable: true },
            { key: "name", header: "Name", primary: true, sortable: true },
            { key: "type", header: "Type", sortable: true },
            { key: "parent", header: "Parent" },
            { key: "active", header: "Active", sortable: true },
            ...(access.writeAccounts ? [{ key: "actions", header: "Actions", bare: true }] : []),
          ]}
          rows={accounts.map((a) => ({
            id: a.id,
            muted: !a.isActive,
            sort: { code: a.code, name: a.name.toLowerCase(), type: a.type, active: a.isActive ? 0 : 1 },
            cells: {
              code: <span className="font-mono">{a.code}</span>,
              name: a.name,
              type: a.type,
              parent: a.parentId ? <span className="font-mono">{codeOf.get(a.parentId) ?? ""}</span> : null,
              active: a.isActive ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Inactive</Badge>,
              actions: <AccountActiveButton id={a.id} label={`${a.code} ${a.name}`} isActive={a.isActive} />,
            },
          }))}
        />
      )}
      {access.writeAccounts ? (
        <CreateAccountForm types={ZAccountType.options} accounts={accounts.map(({ id, code, name, type }) => ({ id, code, name, type }))} />
      ) : null}
    </>
  );
}
