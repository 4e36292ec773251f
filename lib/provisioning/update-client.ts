import { appendEnterpriseAudit } from "../audit";
import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError, parseWith } from "../errors";
import { invalidateTenant } from "../tenancy/registry";
import { clientViewSelect, toClientView } from "./client-view";
import type { Actor } from "./create-client";
import { ZUpdateClientRequest, type ClientView } from "./schemas";

// PUT /api/enterprise/clients/:id — name, segment, status (ACTIVE ↔ SUSPENDED
// only) and the assigned super admins. The registry entry is dropped at once,
// so a suspended tenant is refused from its next request on (and its pooled
// connections close as soon as their leases return).

export async function updateClient(id: string, input: unknown, actor: Actor, db: EnterpriseDb = enterpriseDb()): Promise<ClientView> {
  const req = parseWith(ZUpdateClientRequest, input);
  const view = await db.$transaction(async (tx) => {
    const current = await tx.client.findUnique({ where: { id }, select: { status: true } });
    if (!current) throw new AppError("not_found", "No such client.");
    if (req.status && req.status !== current.status && !(current.status === "ACTIVE" || current.status === "SUSPENDED")) {
      throw new AppError("conflict", `A ${current.status.toLowerCase()} client cannot be made ${req.status.toLowerCase()}.`);
    }
    if (req.superAdminIds) {
      const found = await tx.superAdmin.count({ where: { id: { in: req.superAdminIds } } });
      if (found !== new Set(req.superAdminIds).size) {
        throw new AppError("validation_failed", "Unknown super admin.", { fields: [{ path: "superAdminIds", message: "contains an unknown id" }] });
      }
      await tx.clientAssignment.deleteMany({ where: { clientId: id, superAdminId: { notIn: req.superAdminIds } } });
      await tx.clientAssignment.createMany({ data: req.superAdminIds.map((superAdminId) => ({ clientId: id, superAdminId })), skipDuplicates: true });
    }
    const row = await tx.client.update({
      where: { id },
      data: {
        ...(req.name !== undefined ? { name: req.name } : {}),
        ...(req.segment !== undefined ? { segment: req.segment } : {}),
        ...(req.status !== undefined ? { status: req.status } : {}),
      },
      select: clientViewSelect,
    });
    await appendEnterpriseAudit(tx, {
      actorType: actor.type,
      actorId: actor.id,
      ip: actor.ip ?? null,
      action: req.status && req.status !== current.status ? (req.status === "SUSPENDED" ? "client.suspended" : "client.reactivated") : "client.updated",
      targetType: "client",
      targetId: id,
      clientId: id,
      metadata: { changed: Object.keys(req).sort() },
    });
    return toClientView(row);
  });
  await invalidateTenant(id);
  return view;
}
