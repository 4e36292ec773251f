// Every /api/* endpoint: the operations declared by the modules (lib/modules/*/module.ts) and the
// control plane (lib/api/operations), served by one router (lib/api/router.ts, docs/modules.md).
import { serve } from "@/lib/api/router";

export const dynamic = "force-dynamic";

const handler = (req: Request) => serve(req);
export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
