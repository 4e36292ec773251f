import { created, defineOperation, type Operation } from "../../http/operation";
import { listShards, registerShard, updateShard } from "../../enterprise/shards";
import { clientIp } from "../../http/request";
import { z } from "zod";
import { ZRegisterShardRequest, ZShardParams, ZShardView, ZUpdateShardRequest } from "../../enterprise/shards";

// Shards, the PostgreSQL servers tenant databases live on: /api/enterprise/shards (docs/provisioning.md).

export const ZShardList = z.object({ shards: z.array(ZShardView) });

export const SHARD_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/enterprise/shards",
      operationId: "listShards",
      summary: "the PostgreSQL servers tenants live on, with their clients by status → {shards}.",
      auth: "enterprise-admin",
      success: { status: 200, description: "Every shard, the default first.", schema: ZShardList },
    },
    async () => ({ shards: await listShards() }),
  ),
  defineOperation(
    {
      method: "POST",
      path: "/api/enterprise/shards",
      operationId: "registerShard",
      summary: "{name, adminUrlEnv, region?, capacity?, connectionBudget?} checks the server, prepares its client template, records it → 201 the shard.",
      auth: "enterprise-admin",
      body: ZRegisterShardRequest,
      examples: {
        minimal: { name: "eu-2", adminUrlEnv: "SHARD_EU2_URL" },
        full: { name: "eu-2", adminUrlEnv: "SHARD_EU2_URL", region: "eu-west", capacity: 2000, connectionBudget: 60 },
      },
      success: { status: 201, description: "The new shard.", schema: ZShardView },
      problems: {
        409: "a shard with this name exists",
        422: "the variable is not set on this instance, or the server refused the connection, is older than PostgreSQL 13, or its role lacks CREATEDB and CREATEROLE",
      },
    },
    async ({ req, body, principal }) => created(await registerShard(body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) })),
  ),
  defineOperation(
    {
      method: "PUT",
      path: "/api/enterprise/shards/{id}",
      operationId: "updateShard",
      summary: "{region?, capacity?, connectionBudget?} → 200 the shard (capacity 0 drains it: no new tenants there).",
      auth: "enterprise-admin",
      params: ZShardParams,
      body: ZUpdateShardRequest,
      examples: { drain: { capacity: 0 }, full: { region: "eu-west", capacity: 1500, connectionBudget: 50 } },
      success: { status: 200, description: "The shard after the change.", schema: ZShardView },
      problems: { 404: "no such shard", 422: "nothing to change" },
    },
    async ({ req, params, body, principal }) => updateShard(params.id, body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }),
  ),
];
