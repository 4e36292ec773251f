import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";

// GET /api/enterprise/modules: the module catalogue as recorded in the
// enterprise DB (bootstrap's ensureModuleCatalogue writes lib/modules/registry.ts there).

export interface ModuleView {
  key: string;
  name: string;
  description: string;
  permissions: string[];
}

export async function listModules(db: EnterpriseDb = enterpriseDb()): Promise<ModuleView[]> {
  return db.module.findMany({ select: { key: true, name: true, description: true, permissions: true }, orderBy: { key: "asc" } });
}
