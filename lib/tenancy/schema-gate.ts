import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { latestVersion, loadMigrations } from "../migrations/load";
import type { TenantRecord } from "./types";

// Serving during upgrades: code that expects a column must not run against a
// tenant database that does not have it yet. A tenant whose recorded schema
// version (Client.schemaVersion, kept by `npm run migrate:clients` and by
// provisioning) is older than the code's newest client migration answers 503
// "tenant is being upgraded" with Retry-After, instead of failing on SQL.
//
// The registry caches tenant records for minutes, so a record that says
// "behind" is re-checked against the enterprise DB, at most once per
// RECHECK_MS per tenant: a tenant serves again within seconds of its migration.
// A newer version than the code knows (old instance during a rolling deploy) is
// served: migrations are written expand-then-contract.

export const RETRY_AFTER_SECONDS = 10;
const RECHECK_MS = 2_000;

let required: string | null | undefined;

/** The client schema version this code needs: its newest client migration. */
export function requiredClientSchemaVersion(): string | null {
  required ??= latestVersion(loadMigrations("client"));
  return required;
}

/** Migration names start with a UTC timestamp, so they order as strings. Unknown (null) is behind. */
export function isSchemaBehind(version: string | null, needed: string | null = requiredClientSchemaVersion()): boolean {
  if (needed === null) return false;
  return version === null || version < needed;
}

const fresh = new Map<string, { version: string | null; at: number }>();

async function recheck(tenantId: string, db: EnterpriseDb, recheckMs: number): Promise<string | null> {
  const hit = fresh.get(tenantId);
  if (hit && Date.now() - hit.at < recheckMs) return hit.version;
  const row = await db.client.findUnique({ where: { id: tenantId }, select: { schemaVersion: true } });
  const version = row?.schemaVersion ?? null;
  if (fresh.size > 10_000) fresh.clear();
  fresh.set(tenantId, { version, at: Date.now() });
  return version;
}

/** Throws AppError("unavailable") with Retry-After while the tenant's schema is older than the code needs. */
export async function assertTenantSchemaCurrent(
  tenant: TenantRecord,
  opts: { db?: EnterpriseDb; required?: string | null; recheckMs?: number } = {},
): Promise<void> {
  const needed = opts.required === undefined ? requiredClientSchemaVersion() : opts.required;
  if (!isSchemaBehind(tenant.schemaVersion, needed)) return;
  if (!isSchemaBehind(await recheck(tenant.id, opts.db ?? enterpriseDb(), opts.recheckMs ?? RECHECK_MS), needed)) return;
  throw new AppError("unavailable", "tenant is being upgraded", { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });
}
