import { existsSync } from "node:fs";
import path from "node:path";
import { loadOrCreateSecrets } from "../runtime/data-dir";

// For command-line entry points (reconcile, purge, bench): DATABASE_URL and
// MASTER_KEY from the environment, else those of the embedded server that
// `npm start` runs under DATA_DIR. Fills process.env so config() works.
export function loadCliEnv(): void {
  if (process.env.DATABASE_URL && process.env.MASTER_KEY && process.env.AUTH_SECRET) return;
  const dataDir = path.resolve(process.env.DATA_DIR ?? "./.data");
  if (!existsSync(path.join(dataDir, "secrets.json"))) {
    throw new Error("DATABASE_URL, MASTER_KEY and AUTH_SECRET are not set and there is no embedded data directory (DATA_DIR); start the app once or set them");
  }
  const secrets = loadOrCreateSecrets(dataDir);
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  process.env.DATABASE_URL ??= `postgresql://postgres:${encodeURIComponent(secrets.PG_PASSWORD)}@127.0.0.1:${port}/bisman_enterprise`;
  process.env.MASTER_KEY ??= secrets.MASTER_KEY;
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
}
