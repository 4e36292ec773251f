// GET /api/enterprise/modules: the module catalogue → {modules: [{key, name, description, permissions}]}.
// Enterprise admins and super admins (who assign modules) may read it.
import { route } from "@/lib/http/handler";
import { listModules } from "@/lib/enterprise/list-modules";

export const GET = route({ auth: ["enterprise-admin", "super-admin"] }, async () => ({ modules: await listModules() }));
