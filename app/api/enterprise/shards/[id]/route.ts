// PUT /api/enterprise/shards/:id: {region?, capacity?, connectionBudget?} → 200 the shard (capacity 0 drains it: no new tenants there).
import { route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { updateShard, ZShardParams, ZUpdateShardRequest } from "@/lib/enterprise/shards";

export const PUT = route({ auth: "enterprise-admin", params: ZShardParams, body: ZUpdateShardRequest }, async ({ req, params, body, principal }) =>
  updateShard(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
);
