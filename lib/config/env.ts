import { z } from "zod";
import { parseTrustedProxies } from "./trusted-proxies";

// Every environment variable the app reads, parsed once. Scripts and the
// Next.js server both go through here, so a bad value fails the same way.

const postgresUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "postgres:" || u.protocol === "postgresql:") && u.hostname !== "" && u.pathname.length > 1;
  } catch {
    return false;
  }
}, "must be a postgres:// or postgresql:// URL with a host and a database name");

const base64Key = z
  .string()
  .refine(
    (v) => /^[A-Za-z0-9+/]+={0,2}$/.test(v) && Buffer.from(v, "base64").length === 32,
    "must be base64 of exactly 32 bytes (try: openssl rand -base64 32)",
  );

const hostname = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    "must be a lowercase host name such as example.com or localhost",
  );

const port = z.coerce.number().int().min(1).max(65535);
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optional(postgresUrl),
  DATA_DIR: z.string().min(1).default("./.data"),
  PORT: port.default(3000),
  APP_DOMAIN: hostname.default("localhost"),
  MASTER_KEY: optional(base64Key),
  /** Earlier master keys, comma-separated, still accepted for decryption during a rotation. */
  MASTER_KEY_PREVIOUS: optional(
    z.string().refine((v) => v.split(",").every((k) => base64Key.safeParse(k.trim()).success), "must be comma-separated base64 keys of 32 bytes each"),
  ),
  AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  /** Earlier AUTH_SECRETs, comma-separated, still accepted for verifying tokens during a rotation. */
  AUTH_SECRET_PREVIOUS: optional(
    z.string().refine((v) => v.split(",").every((s) => s.trim().length >= 32), "must be comma-separated secrets of at least 32 characters each"),
  ),
  ENTERPRISE_ADMIN_EMAIL: optional(z.email("must be an email address")),
  ENTERPRISE_ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
  EMBEDDED_PG_PORT: port.default(54329),
  /** max_connections of the embedded PostgreSQL: 3 superuser slots, the enterprise pool (10), 5 spare, the rest for tenant pools. */
  EMBEDDED_PG_MAX_CONNECTIONS: z.coerce.number().int().min(50).max(5000).default(300),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")),
  /**
   * Proxies in front of the app whose X-Forwarded-* headers are believed: unset (none: the socket's peer is the
   * client), a hop count, or comma-separated CIDRs / addresses / "loopback" / "private" (lib/config/trusted-proxies.ts).
   */
  TRUSTED_PROXIES: optional(
    z.string().superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  ),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Bearer token a Prometheus scraper sends to GET /api/metrics; unset, the endpoint answers 404. */
  METRICS_TOKEN: optional(z.string().min(24, "must be at least 24 characters")),
  /** Bring every tenant database to the latest client migration at start-up (default: only for the embedded server). */
  MIGRATE_CLIENTS_ON_START: optional(z.enum(["true", "false"], "must be true or false").transform((v) => v === "true")),
  // Tenancy and provisioning (lib/tenancy, lib/provisioning; docs/provisioning.md).
  /** How long the registry caches tenant metadata (ms); changes invalidate at once regardless. */
  TENANT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(300_000),
  /** Most tenant Prisma clients one app instance keeps cached (LRU); the connection budget bounds what they hold open. */
  TENANT_CLIENT_CACHE_MAX: z.coerce.number().int().min(1).default(1000),
  /** Most connections one tenant's pool grows to while busy (it starts with one). */
  TENANT_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(4),
  /** App instances sharing each PostgreSQL server: a budget derived from the server is divided by it. */
  APP_INSTANCES: z.coerce.number().int().min(1).default(1),
  /** Overrides every shard's connectionBudget: connections one instance may open to one server for tenant pools. */
  TENANT_CONNECTION_BUDGET: optional(z.coerce.number().int().min(1)),
  /** CONNECTION LIMIT of each tenant's login role. */
  TENANT_ROLE_CONNECTION_LIMIT: z.coerce.number().int().min(1).default(20),
  /** Spare template clones kept ready per server so provisioning renames instead of copying (0 disables). */
  TENANT_SPARE_DATABASES: z.coerce.number().int().min(0).max(20).default(2),
  /** Days an archived client's database is kept before `npm run purge` drops it. */
  ARCHIVE_GRACE_DAYS: z.coerce.number().min(0).default(30),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** One line per problem, naming the variable: what a person reads when start-up stops. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `${i.path.join(".")} ${i.message}`);
  throw new ConfigError(`Invalid configuration: ${lines.join("; ")}`);
}

/** What a running server needs on top of parseEnv: the start script fills these in for the embedded default. */
export function requireRuntimeEnv(env: Env): Env & { DATABASE_URL: string; MASTER_KEY: string; AUTH_SECRET: string } {
  const missing = (["DATABASE_URL", "MASTER_KEY", "AUTH_SECRET"] as const).filter((k) => !env[k]);
  if (missing.length > 0) {
    throw new ConfigError(`Invalid configuration: ${missing.join(", ")} must be set (npm start sets them for the embedded default)`);
  }
  return env as Env & { DATABASE_URL: string; MASTER_KEY: string; AUTH_SECRET: string };
}
