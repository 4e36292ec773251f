// GET /api/super-admin/clients/:id/users: an assigned client's users with their roles → {users}. Another client → 404.
import { route } from "@/lib/http/handler";
import { listClientUsers, ZAssignedClientParams } from "@/lib/super-admin";

export const GET = route({ auth: "super-admin", params: ZAssignedClientParams }, async ({ params, principal }) => ({ users: await listClientUsers(principal, params.id) }));
