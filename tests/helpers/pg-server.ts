import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";

// A real PostgreSQL server for a test run: TEST_DATABASE_URL when given
// (a superuser URL; the run only drops what it created), else a private
// embedded server in a temporary directory, removed afterwards.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

export interface TestPgServer {
  /** Superuser URL of the server's `postgres` database. */
  adminUrl: string;
  stop: () => Promise<void>;
}

export async function startTestPgServer(): Promise<TestPgServer> {
  if (process.env.TEST_DATABASE_URL) {
    return { adminUrl: process.env.TEST_DATABASE_URL, stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "bisman-test-pg-"));
  chmodSync(dir, 0o755); // the postgres system user runs the server when we are root
  const password = randomBytes(12).toString("hex");
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password });
  return {
    adminUrl: server.url("postgres"),
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
