import { defineModule } from "../types";
import { CORE_OPERATIONS } from "./operations";

export const core = defineModule({
  key: "core",
  name: "Core",
  description: "Users, roles and the tenant's audit log.",
  alwaysOn: true,
  permissions: {
    "core:users:read": "See users and their roles",
    "core:users:write": "Add, change and deactivate users",
    "core:roles:read": "See roles and their permissions",
    "core:roles:write": "Create roles and change their permissions",
    "core:audit:read": "Read the audit log",
  },
  navigation: [
    { label: "Users", path: "/users", icon: "users", permission: "core:users:read", description: "Who can sign in, and their roles." },
    { label: "Audit log", path: "/audit", icon: "audit", permission: "core:audit:read", description: "Who changed what and when, and every sign-in." },
  ],
  operations: CORE_OPERATIONS,
});
