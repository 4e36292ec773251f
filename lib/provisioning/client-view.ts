import type { EnterpriseDb } from "../db/enterprise";
import { isSchemaBehind } from "../tenancy/schema-gate";
import type { ClientView } from "./schemas";

// The enterprise API's view of a client: never the URI or its key id.

export const clientViewSelect = {
  id: true,
  slug: true,
  name: true,
  segment: true,
  status: true,
  dbName: true,
  shardId: true,
  schemaVersion: true,
  lastMigrationAt: true,
  lastMigrationStatus: true,
  lastMigrationError: true,
  failureReason: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  modules: { select: { module: { select: { key: true } } } },
  superAdmins: { select: { superAdminId: true } },
} as const;

type Row = Awaited<ReturnType<EnterpriseDb["client"]["findUniqueOrThrow"]>> & {
  modules: { module: { key: string } }[];
  superAdmins: { superAdminId: string }[];
};

export function toClientView(r: Pick<Row, keyof typeof clientViewSelect>): ClientView {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    segment: r.segment,
    status: r.status,
    dbName: r.dbName,
    shardId: r.shardId,
    schemaVersion: r.schemaVersion,
    schemaBehind: isSchemaBehind(r.schemaVersion),
    lastMigrationAt: r.lastMigrationAt?.toISOString() ?? null,
    lastMigrationStatus: r.lastMigrationStatus === "succeeded" || r.lastMigrationStatus === "failed" ? r.lastMigrationStatus : null,
    lastMigrationError: r.lastMigrationError,
    failureReason: r.failureReason,
    modules: r.modules.map((m) => m.module.key).sort(),
    superAdminIds: r.superAdmins.map((s) => s.superAdminId).sort(),
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
