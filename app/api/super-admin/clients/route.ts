// GET /api/super-admin/clients: the clients assigned to the calling super admin → {clients: [{id, slug, name, segment, status, modules, schemaVersion}]}.
import { route } from "@/lib/http/handler";
import { listAssignedClients } from "@/lib/super-admin";

export const GET = route({ auth: "super-admin" }, async ({ principal }) => ({ clients: await listAssignedClients(principal) }));
