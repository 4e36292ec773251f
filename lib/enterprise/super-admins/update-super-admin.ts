import { z } from "zod";
import { appendEnterpriseAudit } from "../../audit";
import { forgetAdminActivity } from "../../auth/active";
import { sessionsNotBefore } from "../../auth/tokens";
import { AppError } from "../../errors";
import { parseWith } from "../../errors";
import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import { moduleIdsOf } from "./modules";
import { superAdminViewSelect, toSuperAdminView, zModuleKeys, zName, zSegments, type EnterpriseActor, type SuperAdminView } from "./view";

// PUT /api/enterprise/super-admins/:id: name, segments, modules (replaces the
// set) and isActive. Deactivating stops the super admin's tokens at once: the
// active-admin cache entry is dropped, so the next request reads isActive=false.

export const ZUpdateSuperAdminRequest = z
  .object({
    name: zName.optional(),
    segments: zSegments.optional(),
    modules: zModuleKeys.optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateSuperAdminRequest = z.infer<typeof ZUpdateSuperAdminRequest>;

export async function updateSuperAdmin(id: string, input: unknown, actor: EnterpriseActor, db: EnterpriseDb = enterpriseDb()): Promise<SuperAdminView> {
  const req = parseWith(ZUpdateSuperAdminRequest, input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.superAdmin.findUnique({ where: { id }, select: { isActive: true } });
      if (!current) throw new AppError("not_found", "No such super admin.");
      if (req.modules) {
        const moduleIds = await moduleIdsOf(tx, req.modules);
        await tx.superAdminModule.deleteMany({ where: { superAdminId: id, moduleId: { notIn: moduleIds } } });
        await tx.superAdminModule.createMany({ data: moduleIds.map((moduleId) => ({ superAdminId: id, moduleId })), skipDuplicates: true });
      }
      const row = await tx.superAdmin.update({
        where: { id },
        data: {
          ...(req.name !== undefined ? { name: req.name } : {}),
          ...(req.segments !== undefined ? { segments: req.segments } : {}),
          ...(req.isActive !== undefined ? { isActive: req.isActive } : {}),
          // Deactivation ends every token issued so far, for good (as for tenant users: lib/modules/core/users/update-user.ts).
          ...(req.isActive === false && current.isActive ? { sessionsNotBefore: sessionsNotBefore("all") } : {}),
        },
        select: superAdminViewSelect,
      });
      const statusChange = req.isActive !== undefined && req.isActive !== current.isActive;
      await appendEnterpriseAudit(tx, {
        actorType: actor.type,
        actorId: actor.id,
        ip: actor.ip ?? null,
        action: statusChange ? (req.isActive ? "super_admin.reactivated" : "super_admin.deactivated") : "super_admin.updated",
        targetType: "super_admin",
        targetId: id,
        metadata: { changed: Object.keys(req).sort(), ...(req.modules ? { modules: req.modules } : {}), ...(req.segments ? { segments: req.segments } : {}) },
      });
      return toSuperAdminView(row);
    });
  } finally {
    // After the commit (or a failure): the next request re-reads isActive from the database.
    forgetAdminActivity(id);
  }
}
