import net from "node:net";

// Who is on the other end of a connection, and how far to believe forwarding
// headers (issue 10, finding 2). Route handlers never see the socket, so the
// Node server in front of Next's request handler (scripts/start.ts, through
// lib/http/front-server.ts) computes the client's address here from the socket
// and TRUSTED_PROXIES, and hands Next a single validated X-Forwarded-For.
//
// TRUSTED_PROXIES:
//   unset / ""        no proxy: every forwarding header is dropped; the client is the socket's peer.
//   a number n        n proxies in front (n ≥ 1): the client is the n-th address from the right of
//                     X-Forwarded-For + socket; forwarded host and proto come from the nearest proxy.
//   list of CIDRs     e.g. "10.0.0.0/8, 192.168.1.7, loopback, private": walking from the socket
//                     leftwards, the first address that is not a trusted proxy is the client.
//                     Forwarded host and proto are believed only when the socket's peer is trusted.
// Only well-formed IP addresses are ever stored; anything else is not an address.

export type TrustRule = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "cidrs"; list: net.BlockList; text: string };

const NAMED: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "169.254.0.0/16", "fe80::/10"],
};

/** Parses TRUSTED_PROXIES; throws an Error whose message says what is wrong. */
export function parseTrustedProxies(value: string | undefined): TrustRule {
  const v = (value ?? "").trim();
  if (v === "" || v === "0" || v.toLowerCase() === "none") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > 16) throw new Error("must be a hop count from 0 to 16, or a list of CIDRs");
    return { kind: "hops", hops };
  }
  const list = new net.BlockList();
  for (const raw of v
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)) {
    for (const item of NAMED[raw] ?? [raw]) {
      const [addr, bits, extra] = item.split("/");
      const family = net.isIP(addr ?? "");
      if (!family || extra !== undefined) throw new Error(`"${raw}" is not an IP address, a CIDR, "loopback" or "private"`);
      const max = family === 4 ? 32 : 128;
      const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : NaN;
      if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${raw}" has an invalid prefix length`);
      list.addSubnet(addr!, prefix, family === 4 ? "ipv4" : "ipv6");
    }
  }
  return { kind: "cidrs", list, text: v };
}

/** A well-formed IPv4 or IPv6 address in canonical form (IPv4-mapped IPv6 as IPv4), else null. Brackets and ports are not addresses. */
export function normalizeIp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const v = raw.trim();
  if (v.length > 45) return null;
  const family = net.isIP(v);
  if (family === 4) return v;
  if (family !== 6) return null;
  const lower = v.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (mapped && net.isIPv4(mapped[1]!)) return mapped[1]!;
  return lower;
}

function trusted(rule: TrustRule, ip: string | null): boolean {
  if (!ip || rule.kind !== "cidrs") return false;
  return rule.list.check(ip, net.isIPv4(ip) ? "ipv4" : "ipv6");
}

const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?(?::\d{1,5})?$/i;
const lastValue = (h: string | undefined) =>
  h
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .pop();

export interface ForwardedInput {
  socketAddress: string | undefined;
  xForwardedFor?: string;
  xForwardedHost?: string;
  xForwardedProto?: string;
}

export interface ForwardedResult {
  /** The client's address, validated; null when the socket's is unknown (it always is known on a TCP socket). */
  ip: string | null;
  /** X-Forwarded-Host and -Proto to pass on: only what a trusted proxy said, validated. */
  host?: string;
  proto?: "http" | "https";
}

export function resolveForwarded(input: ForwardedInput, rule: TrustRule): ForwardedResult {
  const socket = normalizeIp(input.socketAddress);
  if (rule.kind === "none") return { ip: socket };
  const chain = [
    ...(input.xForwardedFor ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(-64),
    input.socketAddress ?? "",
  ];
  let i: number;
  if (rule.kind === "hops") {
    i = Math.max(0, chain.length - 1 - rule.hops);
  } else {
    i = chain.length - 1;
    while (i > 0 && trusted(rule, normalizeIp(chain[i]))) i -= 1;
  }
  // The hop a trusted proxy reported must be an address; if it is not, the proxy that reported it is the best we know.
  let ip = normalizeIp(chain[i]);
  for (let j = i + 1; !ip && j < chain.length; j++) ip = normalizeIp(chain[j]);
  const peerIsProxy = rule.kind === "hops" ? rule.hops >= 1 : trusted(rule, socket);
  if (!peerIsProxy) return { ip };
  const host = lastValue(input.xForwardedHost);
  const proto = lastValue(input.xForwardedProto)?.toLowerCase();
  return {
    ip,
    ...(host && host.length <= 260 && HOST.test(host) ? { host: host.toLowerCase() } : {}),
    ...(proto === "http" || proto === "https" ? { proto } : {}),
  };
}
