import type { ClientDb } from "../../../tenancy/types";
import { OWNER_ROLE, systemRoles } from "./system-roles";

// Called by provisioning on a new tenant database: the system roles with their
// permissions, and the tenant's first user holding the Owner role. Idempotent
// (safe to re-run after a partial failure): roles are upserted by name, their
// permissions re-set, the user upserted by email.

export interface FirstAdmin {
  email: string;
  name: string;
  /** argon2id PHC string, or null until the user completes a setup link. */
  passwordHash: string | null;
}

export async function seedTenantRbac(db: ClientDb, firstAdmin: FirstAdmin): Promise<{ userId: string; roleIds: Record<string, string> }> {
  return db.$transaction(async (tx) => {
    const roleIds: Record<string, string> = {};
    for (const r of systemRoles()) {
      const role = await tx.role.upsert({
        where: { name: r.name },
        create: { name: r.name, description: r.description, isSystem: true },
        update: { description: r.description, isSystem: true },
      });
      await tx.rolePermission.deleteMany({ where: { roleId: role.id } });
      await tx.rolePermission.createMany({ data: r.permissions.map((permission) => ({ roleId: role.id, permission })) });
      roleIds[r.name] = role.id;
    }
    const email = firstAdmin.email.trim().toLowerCase();
    const user = await tx.user.upsert({
      where: { email },
      create: { email, name: firstAdmin.name, passwordHash: firstAdmin.passwordHash },
      update: {},
    });
    await tx.userRole.upsert({
      where: { userId_roleId: { userId: user.id, roleId: roleIds[OWNER_ROLE]! } },
      create: { userId: user.id, roleId: roleIds[OWNER_ROLE]! },
      update: {},
    });
    return { userId: user.id, roleIds };
  });
}
