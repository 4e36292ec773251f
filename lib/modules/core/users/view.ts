import type { UserView } from "./users.types";

export const userSelect = {
  id: true,
  email: true,
  name: true,
  isActive: true,
  createdAt: true,
  roles: { select: { role: { select: { id: true, name: true } } } },
} as const;

export function toUserView(u: {
  id: string;
  email: string;
  name: string;
  isActive: boolean;
  createdAt: Date;
  roles: { role: { id: string; name: string } }[];
}): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    isActive: u.isActive,
    roles: u.roles.map((r) => r.role).sort((a, b) => a.name.localeCompare(b.name)),
    createdAt: u.createdAt.toISOString(),
  };
}
