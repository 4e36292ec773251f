import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "../config/env";
import { EMBEDDED_ENTERPRISE_DB, loadOrCreateSecrets } from "./data-dir";

// For command-line entry points (migrate:clients, reconcile, purge): DATABASE_URL,
// MASTER_KEY and AUTH_SECRET from the environment, else those of the embedded
// server that `npm start` runs under DATA_DIR (it must be running). Fills
// process.env so config() works, as it does for the server.
export function loadCliEnv(): void {
  if (process.env.DATABASE_URL && process.env.MASTER_KEY && process.env.AUTH_SECRET) return;
  const env = parseEnv(process.env);
  const dataDir = path.resolve(env.DATA_DIR);
  if (!existsSync(path.join(dataDir, "secrets.json"))) {
    if (process.env.DATABASE_URL) return; // a deployment's own server: whatever is missing, config() names it
    throw new Error(`DATABASE_URL, MASTER_KEY and AUTH_SECRET are not set and ${dataDir} holds no embedded server; start the app once (npm start) or set them`);
  }
  const secrets = loadOrCreateSecrets(dataDir);
  process.env.DATABASE_URL ??= `postgresql://postgres:${encodeURIComponent(secrets.PG_PASSWORD)}@127.0.0.1:${env.EMBEDDED_PG_PORT}/${EMBEDDED_ENTERPRISE_DB}`;
  process.env.MASTER_KEY ??= secrets.MASTER_KEY;
  process.env.AUTH_SECRET ??= secrets.AUTH_SECRET;
}
