import { defineModule } from "../types";
import { SALES_OPERATIONS } from "./operations";

export const sales = defineModule({
  key: "sales",
  name: "Sales",
  description: "Customer invoices and credit notes, posted to the receivable account of the ledger.",
  permissions: {
    "sales:invoices:read": "See sales invoices and credit notes",
    "sales:invoices:write": "Draft, edit and delete sales invoices",
    "sales:invoices:issue": "Issue sales invoices and credit notes (posts them to the ledger)",
    "sales:settings:write": "Choose the receivable account",
    "sales:reports:read": "Read receivables ageing and customer statements",
  },
  navigation: [
    {
      label: "Invoices",
      path: "/sales/invoices",
      icon: "sheet",
      permission: "sales:invoices:read",
      description: "Invoices and credit notes to customers: draft, issue, credit, see what is owed.",
    },
  ],
  operations: SALES_OPERATIONS,
});
