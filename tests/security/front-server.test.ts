import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backgroundSettled } from "@/lib/auth/background";
import { hashPassword } from "@/lib/auth/password";
import { enterpriseDb } from "@/lib/db/enterprise";
import { parseTrustedProxies, resolveForwarded, type TrustRule } from "@/lib/config/trusted-proxies";
import { ACTION_BODY_LIMIT, frontHandler } from "@/lib/http/front-server";
import { MemoryStore, setDefaultStore } from "@/lib/ratelimit";
import { dispatch } from "@/tests/helpers/dispatch";

// Findings 2 and 4 (issue 10): the server in front of Next's request handler
// (lib/http/front-server.ts; scripts/serve.ts puts it in front of Next). Here it
// is in front of the app's real API routes (tests/helpers/dispatch.ts) on a real
// socket; /echo answers what arrived, to show the headers Next would receive.

async function serve(trust: TrustRule): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(
    frontHandler(trust, async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = Buffer.concat(chunks);
      if (req.url === "/echo") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ headers: req.headers, bodyLength: body.length }));
        return;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const answer = await dispatch(
        new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method!) ? undefined : body }),
      );
      res.writeHead(answer.status, Object.fromEntries(answer.headers));
      res.end(Buffer.from(await answer.arrayBuffer()));
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

let direct: Awaited<ReturnType<typeof serve>>;
let behindOne: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  direct = await serve(parseTrustedProxies(undefined));
  behindOne = await serve(parseTrustedProxies("loopback"));
});
afterAll(async () => {
  await direct.close();
  await behindOne.close();
  setDefaultStore();
});

const echo = async (base: string, headers: Record<string, string>) =>
  (await (await fetch(`${base}/echo`, { headers })).json()).headers as Record<string, string>;

describe("finding 2: the client no longer chooses its own address", () => {
  it("without TRUSTED_PROXIES every forwarding header is replaced by the socket's address", async () => {
    const h = await echo(direct.url, {
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "7.7.7.7",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "for=8.8.8.8",
    });
    expect(h["x-forwarded-for"]).toBe("127.0.0.1");
    expect(h["x-real-ip"]).toBeUndefined();
    expect(h["x-forwarded-host"]).toBeUndefined();
    expect(h["x-forwarded-proto"]).toBeUndefined();
    expect(h.forwarded).toBeUndefined();
  });

  it("60 sign-ins with 60 made-up addresses are limited as one address (50 per address)", async () => {
    setDefaultStore(new MemoryStore());
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = await fetch(`${direct.url}/api/enterprise/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ email: `rot-${i}@e.test`, password: "guess" }),
      });
      statuses.push(r.status);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(50);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
  });

  it("the audit log stores the socket's address, never a client's 12,000-character or HTML X-Forwarded-For", async () => {
    setDefaultStore(new MemoryStore());
    const email = `xff-${Date.now()}@e.test`;
    const a = await enterpriseDb().enterpriseAdmin.create({ data: { email, name: "XFF", passwordHash: await hashPassword("right-password-123") } });
    for (const xff of ["x".repeat(12_000), "<img src=x onerror=alert(1)>"]) {
      const r = await fetch(`${direct.url}/api/enterprise/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": xff },
        body: JSON.stringify({ email, password: "wrong" }),
      });
      expect(r.status).toBe(401);
    }
    await backgroundSettled();
    const ips = (await enterpriseDb().auditLog.findMany({ where: { actorId: a.id }, select: { ip: true } })).map((r) => r.ip);
    expect(ips).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("behind trusted proxies the first untrusted hop from the right is the client; forwarded host and proto pass", async () => {
    const h = await echo(behindOne.url, {
      "x-forwarded-for": "6.6.6.6, 198.51.100.7, 127.0.0.1",
      "x-forwarded-host": "acme.example.com",
      "x-forwarded-proto": "https",
    });
    expect(h["x-forwarded-for"]).toBe("198.51.100.7");
    expect(h["x-forwarded-host"]).toBe("acme.example.com");
    expect(h["x-forwarded-proto"]).toBe("https");
  });

  it("resolveForwarded: hop counts, CIDRs, and only IP addresses", () => {
    const xff = "1.1.1.1, 2.2.2.2, 10.0.0.5";
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedFor: xff }, parseTrustedProxies("1")).ip).toBe("10.0.0.5");
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedFor: xff }, parseTrustedProxies("2")).ip).toBe("2.2.2.2");
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedFor: xff }, parseTrustedProxies("9")).ip).toBe("1.1.1.1");
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedFor: xff }, parseTrustedProxies("10.0.0.0/8")).ip).toBe("2.2.2.2");
    expect(resolveForwarded({ socketAddress: "192.0.2.1", xForwardedFor: xff, xForwardedHost: "evil.example" }, parseTrustedProxies("10.0.0.0/8"))).toEqual({
      ip: "192.0.2.1",
    });
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedFor: "<b>, 10.0.0.5" }, parseTrustedProxies("private")).ip).toBe("10.0.0.5");
    expect(resolveForwarded({ socketAddress: "::ffff:127.0.0.1" }, parseTrustedProxies("")).ip).toBe("127.0.0.1");
    expect(resolveForwarded({ socketAddress: "10.0.0.9", xForwardedHost: "a b/c" }, parseTrustedProxies("1"))).toEqual({ ip: "10.0.0.9" });
    for (const bad of ["17", "10.0.0.0/33", "example.com", "1.2.3.4/8/1"]) expect(() => parseTrustedProxies(bad)).toThrow();
  });
});

describe("finding 4: requests Next would answer with a 500", () => {
  const problem = async (r: Response, status: number) => {
    expect(r.status).toBe(status);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect((await r.json()).status).toBe(status);
  };
  const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const req = http.request(`${direct.url}${path}`, { method, headers }, (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
      });
      req.on("error", reject);
      req.end(body);
    });

  it("TRACE, CONNECT-like and WebDAV methods → 405 with Allow (Node's parser answers 400 to names it does not know)", async () => {
    for (const m of ["TRACE", "PROPFIND", "MKCOL"]) {
      const r = await raw(m, "/");
      expect(r.status).toBe(405);
      expect(r.headers["content-type"]).toBe("application/problem+json");
      expect(r.headers.allow).toContain("GET");
    }
    expect((await raw("TRACK", "/")).status).toBe(400);
  });

  const action = { "next-action": "0123456789abcdef0123456789abcdef01234567", "content-type": "text/plain;charset=UTF-8" };

  it("a server action from a foreign origin → 403, and with a forged X-Forwarded-Host too", async () => {
    await problem(await fetch(`${direct.url}/sign-in`, { method: "POST", headers: { ...action, origin: "https://evil.example" }, body: "[]" }), 403);
    await problem(
      await fetch(`${direct.url}/sign-in`, {
        method: "POST",
        headers: { ...action, origin: "https://evil.example", "x-forwarded-host": "evil.example" },
        body: "[]",
      }),
      403,
    );
  });

  it("a server-action body over 1 MB → 413, declared or streamed", async () => {
    const big = "[" + '"x",'.repeat(ACTION_BODY_LIMIT / 4) + '"x"]';
    await problem(await fetch(`${direct.url}/sign-in`, { method: "POST", headers: { ...action, origin: direct.url }, body: big }), 413);
    const streamed = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    await problem(
      await fetch(`${direct.url}/sign-in`, { method: "POST", headers: { ...action, origin: direct.url }, body: streamed, duplex: "half" } as RequestInit),
      413,
    );
  });

  it("deeply nested server-action arguments → 400; brackets inside strings do not count", async () => {
    await problem(
      await fetch(`${direct.url}/sign-in`, { method: "POST", headers: { ...action, origin: direct.url }, body: "[".repeat(5_000) + "]".repeat(5_000) }),
      400,
    );
    const form = `--b\r\ncontent-disposition: form-data; name="0"\r\n\r\n"\r\n--b\r\ncontent-disposition: form-data; name="1"\r\n\r\n${"[".repeat(100)}${"]".repeat(100)}\r\n--b--\r\n`;
    await problem(
      await fetch(`${direct.url}/sign-in`, {
        method: "POST",
        headers: { ...action, origin: direct.url, "content-type": "multipart/form-data; boundary=b" },
        body: form,
      }),
      400,
    );
    // A string full of brackets, same origin, under the limits: passed on with its body intact.
    const fine = JSON.stringify(["[".repeat(1_000), { a: [1, 2] }]);
    const r = await fetch(`${direct.url}/echo`, { method: "POST", headers: { ...action, origin: direct.url }, body: fine });
    expect(r.status).toBe(200);
    expect((await r.json()).bodyLength).toBe(Buffer.byteLength(fine));
  });
});
