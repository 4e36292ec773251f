import { parseEnv, type Env } from "../config/env";

// Tenancy settings from the environment, parsed by lib/config's schema. Read
// through parseEnv (not config()) so scripts and start-up, which may run before
// MASTER_KEY/AUTH_SECRET are set, get them too.

export type TenancySettings = Pick<
  Env,
  | "TENANT_CACHE_TTL_MS"
  | "TENANT_CLIENT_CACHE_MAX"
  | "TENANT_POOL_SIZE"
  | "APP_INSTANCES"
  | "TENANT_CONNECTION_BUDGET"
  | "TENANT_ROLE_CONNECTION_LIMIT"
  | "TENANT_SPARE_DATABASES"
  | "ARCHIVE_GRACE_DAYS"
>;

export function tenancySettings(): TenancySettings {
  return parseEnv(process.env);
}
