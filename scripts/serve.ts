// The HTTP server of `npm start` (started by scripts/start.ts as its child): Next's request handler behind
// lib/http/front-server.ts, which sets the forwarding headers from the socket and TRUSTED_PROXIES and refuses
// hostile requests Next would answer with a 500 (docs/security.md). `--dev` serves `next dev`.
import http from "node:http";
import path from "node:path";
import next from "next";
import { parseEnv } from "../lib/config/env";
import { parseTrustedProxies } from "../lib/config/trusted-proxies";
import { frontHandler } from "../lib/http/front-server";

const dev = process.argv.includes("--dev");
const root = path.resolve(import.meta.dirname, "..");

async function main(): Promise<void> {
  const env = parseEnv(process.env);
  const trust = parseTrustedProxies(env.TRUSTED_PROXIES);
  const app = next({ dev, dir: root, port: env.PORT });
  await app.prepare();
  const server = http.createServer(frontHandler(trust, app.getRequestHandler()));
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
  }
  server.listen(env.PORT, () =>
    console.log(`bisman: listening on port ${env.PORT}${trust.kind === "none" ? "" : ` (trusted proxies: ${env.TRUSTED_PROXIES})`}`),
  );
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    // Requests still running after 10 s are cut: the parent stops PostgreSQL after this process exits.
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, stop);
}

main().catch((err) => {
  console.error(`bisman: the HTTP server failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
