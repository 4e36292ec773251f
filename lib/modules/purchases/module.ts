import { defineModule } from "../types";
import { PURCHASE_OPERATIONS } from "./operations";

export const purchases = defineModule({
  key: "purchases",
  name: "Purchases",
  description: "Vendor bills and vendor credit notes, posted to the payable account of the ledger.",
  permissions: {
    "purchases:bills:read": "See vendor bills and credit notes",
    "purchases:bills:write": "Draft, edit and delete vendor bills",
    "purchases:bills:issue": "Issue vendor bills and credit notes (posts them to the ledger)",
    "purchases:settings:write": "Choose the payable account",
    "purchases:reports:read": "Read payables ageing",
  },
  navigation: [],
  operations: PURCHASE_OPERATIONS,
});
