import type { ClientUserPrincipal, Principal } from "../edge/principal";
import type { PrismaClient } from "../generated/client/client.ts";
import type { ClientStatus } from "../generated/enterprise/enums.ts";

/** A tenant database client. Never exported from a module: reached only through a TenantContext. */
export type ClientDb = InstanceType<typeof PrismaClient>;

/** Tenant metadata as the registry caches it (no secrets: the URI stays encrypted until the factory needs it). */
export interface TenantRecord {
  id: string;
  slug: string;
  name: string;
  status: ClientStatus;
  dbName: string;
  shardId: string;
  schemaVersion: string | null;
  /** Keys of the modules the tenant has. */
  modules: string[];
}

/** The only way to tenant data: handed out by the connection factory for one request. */
export interface TenantContext {
  tenant: TenantRecord;
  principal: ClientUserPrincipal | Extract<Principal, { kind: "enterprise-admin" | "super-admin" }>;
  db: ClientDb;
  /** The client's address, when the context serves a request: audit entries record it. */
  ip?: string | null;
}
