// GET /api/enterprise/audit/verify: re-computes the global audit log's hash chain → {ok, count, brokenAt?}.
import { verifyEnterpriseAuditChain } from "@/lib/audit";
import { chainCheckView } from "@/lib/audit/read";
import { enterpriseDb } from "@/lib/enterprise/db";
import { route } from "@/lib/http/handler";

export const GET = route({ auth: "enterprise-admin" }, async () => chainCheckView(await verifyEnterpriseAuditChain(enterpriseDb())));
