// Every PostgreSQL advisory lock key the app takes, in one place so two
// features never share a key by accident. Advisory locks are per database;
// the comment says which database each one is taken in.
export const ADVISORY_LOCKS = {
  /** Any database being migrated (lib/migrations). */
  migrations: 72_707_369,
  /** `postgres` of a shard: building or migrating the client template. */
  clientTemplate: 72_707_370,
  /** `postgres` of a shard, with the client id as second key: a live provisioner. */
  provisioning: 72_707_371,
  /** Enterprise or tenant database: appending to the hash-chained audit log. */
  auditChain: 72_707_372,
  /** Tenant database: creating the default chart of accounts. */
  ledgerDefaults: 72_707_373,
  /** `postgres` of a shard: revoking PUBLIC's CONNECT on shared databases. */
  serverHardening: 72_707_374,
  /** `postgres` of a shard: claiming (renaming) a spare tenant database. */
  spareClaim: 72_707_375,
  /** Tenant database: a change that could leave no active Owner (role changes, deactivation). */
  tenantOwners: 72_707_376,
} as const;
