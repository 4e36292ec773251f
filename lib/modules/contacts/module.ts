import { defineModule } from "../types";
import { CONTACT_OPERATIONS } from "./operations";

export const contacts = defineModule({
  key: "contacts",
  name: "Contacts",
  description: "Customers and vendors: addresses, payment terms and default accounts.",
  permissions: {
    "contacts:contacts:read": "See customers and vendors",
    "contacts:contacts:write": "Create, change, import and deactivate customers and vendors",
  },
  navigation: [
    {
      label: "Contacts",
      path: "/contacts",
      icon: "users",
      permission: "contacts:contacts:read",
      description: "Customers and vendors, their payment terms and default accounts.",
    },
  ],
  operations: CONTACT_OPERATIONS,
});
