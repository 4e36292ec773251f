// GET /api/enterprise/clients?limit=&cursor=&status=&q=: clients newest first → {items, nextCursor}.
import { route } from "@/lib/http/handler";
import { listClients, ZListClientsQuery } from "@/lib/provisioning";

export const GET = route({ auth: "enterprise-admin", query: ZListClientsQuery }, async ({ query }) => listClients(query));
