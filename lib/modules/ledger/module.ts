import { defineModule } from "../types";
import { LEDGER_OPERATIONS } from "./operations";

export const ledger = defineModule({
  key: "ledger",
  name: "General ledger",
  description: "Chart of accounts, double-entry journal and financial reports.",
  permissions: {
    "ledger:accounts:read": "See the chart of accounts",
    "ledger:accounts:write": "Create and change accounts",
    "ledger:transactions:read": "See journal entries",
    "ledger:transactions:write": "Record, post, reverse and void journal entries",
    "ledger:reports:read": "Read the trial balance, income statement and balance sheet",
  },
  navigation: [
    {
      label: "Journal",
      path: "/ledger",
      icon: "book",
      permission: "ledger:transactions:read",
      description: "Journal entries: record, edit drafts, post, reverse and void.",
    },
    {
      label: "Chart of accounts",
      path: "/ledger/accounts",
      icon: "list",
      permission: "ledger:accounts:read",
      description: "The accounts entries are recorded to.",
    },
    {
      label: "Trial balance",
      path: "/ledger/trial-balance",
      icon: "scale",
      permission: "ledger:reports:read",
      description: "Debits and credits per account as of a day.",
    },
    {
      label: "Income statement",
      path: "/ledger/income-statement",
      icon: "chart",
      permission: "ledger:reports:read",
      description: "Revenue, expenses and net income over a period.",
    },
    {
      label: "Balance sheet",
      path: "/ledger/balance-sheet",
      icon: "sheet",
      permission: "ledger:reports:read",
      description: "Assets, liabilities and equity as of a day.",
    },
  ],
  operations: LEDGER_OPERATIONS,
});
