// The module catalogue. A module brings permissions `<module>:<resource>:<action>`;
// a tenant's permission counts only while the tenant has the module.

export interface ModuleDefinition {
  key: string;
  name: string;
  description: string;
  permissions: readonly string[];
}

export const MODULES = [
  {
    key: "core",
    name: "Core",
    description: "Users, roles and the tenant's audit log.",
    permissions: ["core:users:read", "core:users:write", "core:roles:read", "core:roles:write", "core:audit:read"],
  },
  {
    key: "ledger",
    name: "General ledger",
    description: "Chart of accounts, double-entry journal and financial reports.",
    permissions: ["ledger:accounts:read", "ledger:accounts:write", "ledger:transactions:read", "ledger:transactions:write", "ledger:reports:read"],
  },
] as const satisfies readonly ModuleDefinition[];

export type ModuleKey = (typeof MODULES)[number]["key"];
export type Permission = (typeof MODULES)[number]["permissions"][number];

export const ALL_PERMISSIONS: readonly Permission[] = MODULES.flatMap((m) => m.permissions);
