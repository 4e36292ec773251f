// The bare floor of `npm run bench:load`: node:http + pg over the same tenant databases, nothing else (no
// auth, no framework). The tenant is named by the x-tenant-id header; each request makes one indexed read of
// the tenant's users, accounts or journal (by path) on that tenant's pool (FLOOR_POOL_SIZE connections, default 1).
// Spawned by bench/load.ts: FLOOR_PORT, FLOOR_DATABASES (JSON {slug: url}).
import http from "node:http";
import pg from "pg";

const port = Number(process.env.FLOOR_PORT);
const urls = JSON.parse(process.env.FLOOR_DATABASES ?? "{}") as Record<string, string>;
const poolSize = Number(process.env.FLOOR_POOL_SIZE ?? "1");
const pools = new Map<string, pg.Pool>();
for (const [slug, url] of Object.entries(urls)) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 60_000 });
  pool.on("error", () => undefined);
  pools.set(slug, pool);
}

const QUERIES: Record<string, string> = {
  users: `SELECT id, email, name, "isActive", "createdAt" FROM "User" ORDER BY "createdAt" LIMIT 50`,
  accounts: `SELECT id, code, name, type, "isActive" FROM "Account" ORDER BY code LIMIT 200`,
  transactions: `SELECT id, date, description, status FROM "JournalEntry" ORDER BY date DESC, id DESC LIMIT 50`,
};

const server = http.createServer((req, res) => {
  const pool = pools.get(String(req.headers["x-tenant-id"] ?? ""));
  const what = (req.url ?? "").split("?")[0]!.split("/").pop()!;
  const sql = QUERIES[what] ?? QUERIES.users!;
  req.resume();
  if (!pool) {
    res.writeHead(404).end();
    return;
  }
  pool.query(sql).then(
    (r) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ items: r.rows }));
    },
    () => res.writeHead(500).end(),
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, "127.0.0.1", () => process.send?.("ready"));
process.on("SIGTERM", () => {
  server.close();
  void Promise.all([...pools.values()].map((p) => p.end())).then(() => process.exit(0));
});
