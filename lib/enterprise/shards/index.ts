// Shards (the PostgreSQL servers tenant databases live on), managed by enterprise admins: /api/enterprise/shards.
export { listShards } from "./list-shards";
export { registerShard, ZRegisterShardRequest, type RegisterShardRequest } from "./register-shard";
export { updateShard, ZUpdateShardRequest, type UpdateShardRequest } from "./update-shard";
export { ZShardParams, ZShardView, type ShardView } from "./view";
