import { randomBytes } from "node:crypto";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";

// Files the embedded default keeps under DATA_DIR: generated secrets (0600)
// and a lock that stops a second server from using the same directory.

/** The enterprise database's name on the embedded server. */
export const EMBEDDED_ENTERPRISE_DB = "bisman_enterprise";

export interface LocalSecrets {
  MASTER_KEY: string;
  AUTH_SECRET: string;
  /** Superuser password of the embedded PostgreSQL. */
  PG_PASSWORD: string;
}

export function ensureDataDir(dataDir: string): string {
  const dir = path.resolve(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** Generated once, then read back on every start, so encrypted data stays readable. */
export function loadOrCreateSecrets(dir: string): LocalSecrets {
  const file = path.join(dir, "secrets.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as LocalSecrets;
  const secrets: LocalSecrets = {
    MASTER_KEY: randomBytes(32).toString("base64"),
    AUTH_SECRET: randomBytes(48).toString("base64url"),
    PG_PASSWORD: randomBytes(24).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600, flag: "wx" });
  return secrets;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes DATA_DIR/bisman.pid or throws when a live process holds it; returns the release function. */
export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, "bisman.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number(readFileSync(file, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DataDirLockedError(`Another BISMAN ERP server (pid ${pid}) is already using ${dir}; stop it first or choose another DATA_DIR.`);
      }
      rmSync(file, { force: true }); // stale: its process is gone
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}
