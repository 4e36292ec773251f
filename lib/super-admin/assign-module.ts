import { z } from "zod";
import { appendEnterpriseAudit } from "../audit";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { parseWith } from "../errors";
import { invalidateTenant } from "../tenancy/registry";
import { requireAssignedClient } from "./assigned-client";
import type { SuperAdminPrincipal } from "./schemas";

// POST /api/super-admin/clients/:id/assign-module: a super admin gives one of
// their clients a module they themselves hold (SuperAdminModule, read from the
// database: the token's `modules` claim may be older than an enterprise admin's
// change). Idempotent: assigning a module the client has changes nothing and
// writes no audit entry. The registry entry is dropped, so the tenant's
// permissions of that module count from its next request.

export const ZAssignModuleRequest = z.object({ module: z.string().trim().min(1).max(60) }).strict();
export type AssignModuleRequest = z.infer<typeof ZAssignModuleRequest>;

export interface AssignModuleResult {
  id: string;
  modules: string[];
}

export async function assignModule(
  principal: SuperAdminPrincipal,
  clientId: string,
  input: unknown,
  meta: { ip?: string | null } = {},
  db: EnterpriseDb = enterpriseDb(),
): Promise<AssignModuleResult> {
  const req = parseWith(ZAssignModuleRequest, input);
  const result = await db.$transaction(async (tx) => {
    await requireAssignedClient(tx, principal.id, clientId);
    const mod = await tx.module.findUnique({ where: { key: req.module }, select: { id: true } });
    if (!mod) throw new AppError("validation_failed", "Unknown module.", { fields: [{ path: "module", message: "unknown module" }] });
    const held = await tx.superAdminModule.findUnique({
      where: { superAdminId_moduleId: { superAdminId: principal.id, moduleId: mod.id } },
      select: { moduleId: true },
    });
    if (!held) throw new AppError("forbidden", `You may not assign the module ${req.module}.`);
    const client = await tx.client.findUniqueOrThrow({ where: { id: clientId }, select: { status: true } });
    if (client.status !== "ACTIVE" && client.status !== "SUSPENDED")
      throw new AppError("conflict", `A ${client.status.toLowerCase()} client cannot get modules.`);
    const added = await tx.clientModule.createMany({ data: [{ clientId, moduleId: mod.id }], skipDuplicates: true });
    if (added.count > 0) {
      await appendEnterpriseAudit(tx, {
        actorType: "super-admin",
        actorId: principal.id,
        ip: meta.ip ?? null,
        action: "client.module_assigned",
        targetType: "client",
        targetId: clientId,
        clientId,
        metadata: { module: req.module },
      });
    }
    const modules = await tx.clientModule.findMany({ where: { clientId }, select: { module: { select: { key: true } } } });
    return { id: clientId, modules: modules.map((m) => m.module.key).sort(), changed: added.count > 0 };
  });
  if (result.changed) await invalidateTenant(clientId);
  return { id: result.id, modules: result.modules };
}
