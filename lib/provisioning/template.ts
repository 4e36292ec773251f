import pg from "pg";
import { withDatabase, quoteIdent } from "../db/url";
import { applyMigrations, loadMigrations, type ApplyResult } from "../migrations";
import { ADVISORY_LOCKS } from "../db/locks";

// New tenants are cloned from a template database kept at the latest client
// migration: CREATE DATABASE … TEMPLATE costs a file copy (~40 ms), not a
// migration run. A template must have no connections while it is cloned, so
// it is closed (ALLOW_CONNECTIONS false) except while it is being migrated.

export const CLIENT_TEMPLATE_DB = "bisman_client_template";
const TEMPLATE_LOCK = ADVISORY_LOCKS.clientTemplate;

export async function withAdminClient<T>(adminUrl: string, fn: (db: pg.Client) => Promise<T>, database = "postgres"): Promise<T> {
  const db = new pg.Client({ connectionString: withDatabase(adminUrl, database), application_name: "bisman-admin" });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** Creates the template when missing and brings it to the latest client migration. */
export async function ensureClientTemplate(adminUrl: string, name = CLIENT_TEMPLATE_DB): Promise<ApplyResult> {
  return withAdminClient(adminUrl, async (admin) => {
    await admin.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK]);
    try {
      const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS true`);
      await admin.query(`REVOKE ALL ON DATABASE ${quoteIdent(name)} FROM PUBLIC`);
      try {
        return await withAdminClient(adminUrl, (db) => applyMigrations(db, loadMigrations("client")), name);
      } finally {
        await admin.query(`ALTER DATABASE ${quoteIdent(name)} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true`);
      }
    } finally {
      await admin.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK]);
    }
  });
}
