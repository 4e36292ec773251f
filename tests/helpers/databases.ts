import { randomBytes } from "node:crypto";
import pg from "pg";
import { quoteIdent, withDatabase } from "@/lib/db/url";

// Uniquely named scratch databases on the test server, dropped by the caller.

export function uniqueName(prefix = "bisman_test"): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

export async function adminQuery<T extends pg.QueryResultRow = pg.QueryResultRow>(
  adminUrl: string,
  sql: string,
  params: unknown[] = [],
  database = "postgres",
) {
  const db = new pg.Client({ connectionString: withDatabase(adminUrl, database) });
  await db.connect();
  try {
    return await db.query<T>(sql, params);
  } finally {
    await db.end();
  }
}

export async function createScratchDatabase(adminUrl: string, prefix?: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = uniqueName(prefix);
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  return { name, url: withDatabase(adminUrl, name), drop: () => dropDatabase(adminUrl, name) };
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}
