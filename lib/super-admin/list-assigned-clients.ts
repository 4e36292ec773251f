import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import type { AssignedClientView, SuperAdminPrincipal } from "./schemas";

// GET /api/super-admin/clients: the clients assigned to this super admin, by name.

export async function listAssignedClients(principal: SuperAdminPrincipal, db: EnterpriseDb = enterpriseDb()): Promise<AssignedClientView[]> {
  const rows = await db.client.findMany({
    where: { superAdmins: { some: { superAdminId: principal.id } } },
    select: { id: true, slug: true, name: true, segment: true, status: true, schemaVersion: true, modules: { select: { module: { select: { key: true } } } } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    segment: r.segment,
    status: r.status,
    schemaVersion: r.schemaVersion,
    modules: r.modules.map((m) => m.module.key).sort(),
  }));
}
