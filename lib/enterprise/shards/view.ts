import { z } from "zod";
import { CLIENT_STATUSES } from "../../provisioning/schemas";

// A shard (a PostgreSQL server for tenant databases) as the enterprise API shows
// it. Its admin URL is never stored, only the name of the environment variable
// holding it; `adminUrlConfigured` says whether this instance has that variable.

export const ZShardView = z.object({
  id: z.uuid(),
  name: z.string(),
  region: z.string(),
  capacity: z.number().int(),
  /** null: derived from the server (max_connections minus reserved slots and the enterprise pool, per app instance). */
  connectionBudget: z.number().int().nullable(),
  adminUrlEnv: z.string(),
  adminUrlConfigured: z.boolean(),
  isDefault: z.boolean(),
  /** Clients placed on this server, by status (ARCHIVED ones still hold a database until purged). */
  clients: z.object(Object.fromEntries(CLIENT_STATUSES.map((s) => [s, z.number().int()])) as Record<ClientStatusName, z.ZodNumber>),
  createdAt: z.string(),
});
export type ShardView = z.infer<typeof ZShardView>;

export type ClientStatusName = (typeof CLIENT_STATUSES)[number];

export const ZShardParams = z.object({ id: z.uuid() });

export const shardSelect = {
  id: true,
  name: true,
  region: true,
  capacity: true,
  connectionBudget: true,
  adminUrlEnv: true,
  isDefault: true,
  createdAt: true,
} as const;

type Row = {
  id: string;
  name: string;
  region: string;
  capacity: number;
  connectionBudget: number | null;
  adminUrlEnv: string;
  isDefault: boolean;
  createdAt: Date;
};

export function toShardView(row: Row, clients: Partial<Record<string, number>>): ShardView {
  const byStatus = Object.fromEntries(CLIENT_STATUSES.map((s) => [s, clients[s] ?? 0])) as ShardView["clients"];
  return { ...row, adminUrlConfigured: !!process.env[row.adminUrlEnv], clients: byStatus, createdAt: row.createdAt.toISOString() };
}
