import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type SchemaName = "enterprise" | "client";

export interface Migration {
  /** Folder name, e.g. 20261127000000_init: sorts in the order it must run. */
  name: string;
  sql: string;
  /** sha256 of migration.sql, hex: what Prisma stores in _prisma_migrations.checksum. */
  checksum: string;
  /** False when the file starts with `-- bisman:no-transaction` (e.g. CREATE INDEX CONCURRENTLY). */
  transactional: boolean;
}

export const NO_TRANSACTION_MARKER = "-- bisman:no-transaction";

export function migrationsDir(schema: SchemaName, root = process.cwd()): string {
  return path.join(root, "prisma", schema, "migrations");
}

export function loadMigrationsFrom(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return {
        name,
        sql,
        checksum: createHash("sha256").update(sql).digest("hex"),
        transactional: !sql.trimStart().startsWith(NO_TRANSACTION_MARKER),
      };
    });
}

const cache = new Map<string, Migration[]>();

/** The committed migrations of a schema, read once per process. */
export function loadMigrations(schema: SchemaName, root?: string): Migration[] {
  const dir = migrationsDir(schema, root);
  let migrations = cache.get(dir);
  if (!migrations) {
    migrations = loadMigrationsFrom(dir);
    cache.set(dir, migrations);
  }
  return migrations;
}

/** The schema version the code expects: the name of the newest migration. */
export function latestVersion(migrations: Migration[]): string | null {
  return migrations.at(-1)?.name ?? null;
}
