import { z } from "zod";
import { appendEnterpriseAudit } from "../../audit";
import { hashPassword } from "../../auth/password";
import { isUniqueViolation } from "../../db/errors";
import { AppError } from "../../errors";
import { parseWith } from "../../errors";
import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import { moduleIdsOf } from "./modules";
import { superAdminViewSelect, toSuperAdminView, zModuleKeys, zName, zSegments, type EnterpriseActor, type SuperAdminView } from "./view";

// POST /api/enterprise/super-admins: an enterprise admin creates a super admin
// (argon2id hash; the email is unique across both kinds of admin, since the
// console's one sign-in form looks enterprise admins up first).

export const ZCreateSuperAdminRequest = z
  .object({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    name: zName,
    password: z.string().min(12, "must be at least 12 characters").max(1024),
    segments: zSegments.optional(),
    /** Module keys from the catalogue (GET /api/enterprise/modules). */
    modules: zModuleKeys.optional(),
  })
  .strict();
export type CreateSuperAdminRequest = z.infer<typeof ZCreateSuperAdminRequest>;

const TAKEN = "An admin with this email already exists.";

export async function createSuperAdmin(input: unknown, actor: EnterpriseActor, db: EnterpriseDb = enterpriseDb()): Promise<SuperAdminView> {
  const req = parseWith(ZCreateSuperAdminRequest, input);
  const moduleIds = await moduleIdsOf(db, req.modules ?? []);
  if ((await db.enterpriseAdmin.count({ where: { email: req.email } })) > 0) throw new AppError("conflict", TAKEN);
  const passwordHash = await hashPassword(req.password);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.superAdmin.create({
        data: {
          email: req.email,
          name: req.name,
          passwordHash,
          segments: req.segments ?? [],
          modules: { create: moduleIds.map((moduleId) => ({ moduleId })) },
        },
        select: superAdminViewSelect,
      });
      await appendEnterpriseAudit(tx, {
        actorType: actor.type,
        actorId: actor.id,
        ip: actor.ip ?? null,
        action: "super_admin.created",
        targetType: "super_admin",
        targetId: row.id,
        metadata: { email: row.email, segments: row.segments, modules: req.modules ?? [] },
      });
      return toSuperAdminView(row);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("conflict", TAKEN);
    throw err;
  }
}
