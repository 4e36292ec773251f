import { allPermissions } from "../../registry";

// Roles every tenant starts with. System roles cannot be deleted; tenants add
// custom roles beside them.

export interface SystemRole {
  name: string;
  description: string;
  permissions: readonly string[];
}

/** Modules whose every permission the Accountant holds (client migrations grant new ones to existing tenants' Accountant too). */
const ACCOUNTANT_MODULES = ["ledger", "contacts", "catalogue", "sales", "purchases", "payments"];

/** Computed when asked: the catalogue includes every registered module's permissions. */
export function systemRoles(): readonly SystemRole[] {
  const all = allPermissions();
  return [
    { name: "Owner", description: "Everything, including users and roles.", permissions: all },
    { name: "Admin", description: "Manages users, roles and all data.", permissions: all },
    {
      name: "Accountant",
      description: "Keeps the books: accounts, journal entries, contacts and reports.",
      // The books and the documents behind them; of core, only reading users.
      permissions: [...all.filter((p) => ACCOUNTANT_MODULES.includes(p.split(":", 1)[0]!)), "core:users:read"],
    },
    { name: "Viewer", description: "Reads everything, changes nothing.", permissions: all.filter((p) => p.endsWith(":read")) },
  ];
}

export const OWNER_ROLE = "Owner";
