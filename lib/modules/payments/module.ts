import { defineModule } from "../types";
import { PAYMENT_OPERATIONS } from "./operations";

export const payments = defineModule({
  key: "payments",
  name: "Payments",
  description: "Money received from customers and paid to vendors, allocated to invoices and bills.",
  permissions: {
    "payments:payments:read": "See payments and their allocations",
    "payments:payments:write": "Record and void payments (posts them to the ledger)",
  },
  navigation: [],
  operations: PAYMENT_OPERATIONS,
});
