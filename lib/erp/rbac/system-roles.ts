import { ALL_PERMISSIONS, type Permission } from "../modules";

// Roles every tenant starts with. System roles cannot be deleted; tenants add
// custom roles beside them.

export interface SystemRole {
  name: string;
  description: string;
  permissions: readonly Permission[];
}

const readOnly = ALL_PERMISSIONS.filter((p) => p.endsWith(":read"));

export const SYSTEM_ROLES = [
  { name: "Owner", description: "Everything, including users and roles.", permissions: ALL_PERMISSIONS },
  { name: "Admin", description: "Manages users, roles and all data.", permissions: ALL_PERMISSIONS },
  {
    name: "Accountant",
    description: "Keeps the books: accounts, journal entries and reports.",
    permissions: ["ledger:accounts:read", "ledger:accounts:write", "ledger:transactions:read", "ledger:transactions:write", "ledger:reports:read", "core:users:read"],
  },
  { name: "Viewer", description: "Reads everything, changes nothing.", permissions: readOnly },
] as const satisfies readonly SystemRole[];

export const OWNER_ROLE = "Owner";
