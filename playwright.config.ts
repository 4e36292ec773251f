import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

// End-to-end tests drive the system Chromium against the built app, started the
// way a user starts it: `npm start` with no DATABASE_URL (embedded PostgreSQL)
// in a fresh DATA_DIR. Workers inherit E2E_* from the main process.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(`No Chromium at ${CHROMIUM}: install one (Debian/Ubuntu: apt-get install chromium) or set CHROMIUM_PATH.`);
}
if (!process.env.E2E_DATA_DIR) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bisman-e2e-"));
  chmodSync(dir, 0o755); // the embedded server runs as `postgres` when we are root
  process.env.E2E_DATA_DIR = dir;
  // The process that made it removes it; by then Playwright has stopped the server.
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
}
process.env.E2E_PORT ??= "3210";
process.env.E2E_ADMIN_EMAIL ??= "admin@e2e.test";
process.env.E2E_ADMIN_PASSWORD ??= "e2e-admin-password-123";
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
    trace: "off",
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    env: {
      DATA_DIR: process.env.E2E_DATA_DIR,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(port + 50_000 > 65_535 ? 54_390 : port + 50_000),
      ENTERPRISE_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL,
      ENTERPRISE_ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
    },
  },
});
