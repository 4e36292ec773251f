import pg from "pg";
import { applyMigrations, type ApplyOptions, type ApplyResult } from "./apply";
import { loadMigrations, type SchemaName } from "./load";

export * from "./apply";
export * from "./load";

/** Connect to `url`, bring it to the latest migration of `schema`, disconnect. */
export async function migrateDatabase(url: string, schema: SchemaName, opts?: ApplyOptions): Promise<ApplyResult> {
  const db = new pg.Client({ connectionString: url, application_name: "bisman-migrate" });
  await db.connect();
  try {
    return await applyMigrations(db, loadMigrations(schema), opts);
  } finally {
    await db.end();
  }
}
