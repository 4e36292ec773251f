// `npm run bench:auth`: what tenant resolution plus token verification cost per
// request, beside baselines measured in the same run on the same machine.
//
//   baseline:hmac      node:crypto HMAC-SHA256 over a token's signing input (the
//                      unavoidable crypto of any HS256 check) + a Bearer header parse
//   resolve            the pure tenant resolver (claim + x-tenant-id + Host)
//   edge:decide        the middleware's whole decision for a page request
//   jose:verify        lib/edge/jwt verifyTokenWith (CryptoKey imported once)
//   node:request       what route() does before touching a database: Bearer parse,
//                      verifyToken (config key ring), resolveTenant on the claim,
//                      x-tenant-id and Host (registry lookup excluded: a cache hit)
// Prints µs/op and the ratio to the baseline; target ≤ 1 ms per request.
import { createHmac, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";

process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.DATABASE_URL ??= "postgres://bench@localhost/bench";
process.env.MASTER_KEY ??= randomBytes(32).toString("base64");

const { createKeyRing, signToken, verifyTokenWith } = await import("../lib/edge/jwt");
const { resolveTenant } = await import("../lib/edge/tenant");
const { decideEdge } = await import("../lib/edge/route-request");
const { issueToken } = await import("../lib/auth/tokens");
const { principalFromHeaders } = await import("../lib/auth/session");

const principal = {
  kind: "client-user" as const,
  id: "0b9c6f1e-3a5d-4f77-9d1e-1f2a3b4c5d6e",
  email: "user@acme.test",
  name: "Ursula User",
  tenantId: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
  tenantSlug: "acme",
};
const ring = await createKeyRing([process.env.AUTH_SECRET!]);
const { token } = await signToken(ring, principal, { use: "access", ttlSeconds: 3600 });
const { token: nodeToken } = await issueToken(principal);
const headers = new Headers({ host: "acme.localhost:3000", "x-tenant-id": "acme", authorization: `Bearer ${nodeToken}` });
const secret = Buffer.from(process.env.AUTH_SECRET!);
const signingInput = token.slice(0, token.lastIndexOf("."));
const pageUrl = new URL("http://acme.localhost:3000/reports?x=1");
const pageHeaders = new Headers({ host: "acme.localhost:3000", cookie: `bisman.session=${token}; other=1` });

async function measure(name: string, fn: () => unknown | Promise<unknown>, iterations: number): Promise<number> {
  for (let i = 0; i < Math.min(2000, iterations); i++) await fn(); // warm up
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    rounds.push(((performance.now() - t0) * 1000) / iterations);
  }
  rounds.sort((a, b) => a - b);
  return rounds[2]!; // median of 5
}

const N = Number(process.argv[2] ?? 20_000);
const results: [string, number][] = [];
results.push([
  "baseline:hmac",
  await measure(
    "baseline",
    () => {
      const m = /^Bearer\s+(\S+)$/.exec(headers.get("authorization")!);
      return createHmac("sha256", secret)
        .update(m ? signingInput : "")
        .digest("base64url");
    },
    N,
  ),
]);
results.push([
  "resolve",
  await measure(
    "resolve",
    () =>
      resolveTenant({ claim: { id: principal.tenantId, slug: "acme" }, header: "acme", host: "acme.localhost:3000", appDomain: "localhost", production: true }),
    N,
  ),
]);
results.push(["edge:decide", await measure("edge", () => decideEdge({ url: pageUrl, headers: pageHeaders, appDomain: "localhost", production: true }), N)]);
results.push(["jose:verify", await measure("jose", () => verifyTokenWith(ring, token, "access"), N)]);
results.push([
  "node:request",
  await measure(
    "node",
    async () => {
      const p = await principalFromHeaders(headers);
      if (p?.kind !== "client-user") throw new Error("unexpected");
      const r = resolveTenant({
        claim: { id: p.tenantId, slug: p.tenantSlug },
        header: headers.get("x-tenant-id"),
        host: headers.get("host"),
        appDomain: "localhost",
        production: true,
      });
      if (!r.ok) throw new Error("unexpected");
    },
    N,
  ),
]);

const base = results[0]![1];
console.log(`bench:auth — ${N} iterations × 5 rounds (median), node ${process.version}`);
for (const [name, us] of results) console.log(`${name.padEnd(14)} ${us.toFixed(2).padStart(8)} µs/op   ×${(us / base).toFixed(1)} baseline`);
const full = results.find(([n]) => n === "node:request")![1];
console.log(`per-request auth + tenant resolution: ${(full / 1000).toFixed(3)} ms (target ≤ 1 ms): ${full <= 1000 ? "OK" : "OVER"}`);
