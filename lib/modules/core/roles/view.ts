import type { RoleView } from "./roles.types";

export const roleSelect = { id: true, name: true, description: true, isSystem: true, permissions: { select: { permission: true } } } as const;

export function toRoleView(r: { id: string; name: string; description: string; isSystem: boolean; permissions: { permission: string }[] }): RoleView {
  return { id: r.id, name: r.name, description: r.description, isSystem: r.isSystem, permissions: r.permissions.map((p) => p.permission).sort() };
}
