import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";

// A PostgreSQL server for tests and benchmarks: the given superuser URL
// (shared: callers drop only what they create), or a private embedded server
// in a temporary directory, removed again by stop().

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

export interface ScratchPostgres {
  /** Superuser URL of the server's `postgres` database. */
  adminUrl: string;
  /** True when the server was given (not ours to throw away). */
  shared: boolean;
  stop: () => Promise<void>;
}

export async function startScratchPostgres(givenUrl: string | undefined, prefix = "bisman-scratch-pg-"): Promise<ScratchPostgres> {
  if (givenUrl) return { adminUrl: givenUrl, shared: true, stop: async () => undefined };
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755); // the postgres system user runs the server when we are root
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), password: randomBytes(12).toString("hex") });
  return {
    adminUrl: server.url("postgres"),
    shared: false,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
