import pg from "pg";
import { withDatabase } from "../../db/url";
import { AppError } from "../../errors";

// What a server must offer before tenants are placed on it: a connection with
// the admin URL, PostgreSQL 13 or newer (DROP DATABASE … WITH (FORCE)), and a
// role that may create databases and roles. The URL itself never reaches a
// log or an answer; only the variable's name does.

const MIN_VERSION = 130000;

function refuse(message: string): never {
  throw new AppError("validation_failed", "The server cannot hold tenants.", { fields: [{ path: "adminUrlEnv", message }] });
}

export async function checkShardServer(adminUrl: string): Promise<{ version: number }> {
  let url: string;
  try {
    url = withDatabase(adminUrl, "postgres");
  } catch {
    refuse("does not hold a postgres:// URL");
  }
  if (!/^postgres(ql)?:$/.test(new URL(url).protocol)) refuse("does not hold a postgres:// URL");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: "bisman-shard-check" });
  try {
    await client.connect();
  } catch (err) {
    refuse(`names a server that refused the connection (${(err as { code?: string }).code ?? "no answer"})`);
  }
  try {
    const r = await client.query<{ version: string; super: boolean; createdb: boolean; createrole: boolean }>(
      "SELECT current_setting('server_version_num') AS version, rolsuper AS super, rolcreatedb AS createdb, rolcreaterole AS createrole FROM pg_roles WHERE rolname = current_user",
    );
    const row = r.rows[0]!;
    const version = Number(row.version);
    if (version < MIN_VERSION) refuse(`names a PostgreSQL ${Math.floor(version / 10000)} server; 13 or newer is needed`);
    if (!row.super && !(row.createdb && row.createrole)) refuse("names a role without CREATEDB and CREATEROLE");
    return { version };
  } finally {
    await client.end().catch(() => undefined);
  }
}
