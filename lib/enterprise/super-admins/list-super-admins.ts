import { enterpriseDb, type EnterpriseDb } from "../../db/enterprise";
import { superAdminViewSelect, toSuperAdminView, type SuperAdminView } from "./view";

// GET /api/enterprise/super-admins: every super admin with their modules,
// segments and assigned clients (never a password hash). Super admins are few
// (people, not tenants), so one page of up to 1000 by email.

export async function listSuperAdmins(db: EnterpriseDb = enterpriseDb()): Promise<SuperAdminView[]> {
  const rows = await db.superAdmin.findMany({ select: superAdminViewSelect, orderBy: { email: "asc" }, take: 1000 });
  return rows.map(toSuperAdminView);
}
