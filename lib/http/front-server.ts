import { IncomingMessage, type ServerResponse } from "node:http";
import { AppError, toProblem } from "../errors";
import { resolveForwarded, type TrustRule } from "../config/trusted-proxies";

// The Node server in front of Next's request handler (scripts/serve.ts). Next's
// route handlers never see the socket, and some hostile requests fail inside
// Next before any of our code runs (as 500s); this is the one place that sees
// every request first (issue 10, findings 2 and 4):
// - forwarding headers: every incoming X-Forwarded-*, Forwarded and X-Real-IP is
//   dropped; X-Forwarded-For is set to the client's address computed from the
//   socket and TRUSTED_PROXIES (lib/config/trusted-proxies.ts), X-Forwarded-Host/-Proto
//   only to what a trusted proxy said. next-auth (trustHost) and Next's own
//   server-action origin check read X-Forwarded-Host: a client can no longer
//   choose it.
// - methods: only GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS (405 otherwise:
//   TRACE, TRACK and CONNECT make Next's Request constructor throw).
// - server actions (POST with a Next-Action header): a foreign Origin → 403, a
//   body over 1 MB → 413, arguments nested deeper than 64 → 400; all as
//   problem+json, before Next decodes anything.

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export const ACTION_BODY_LIMIT = 1024 * 1024;
export const ACTION_MAX_DEPTH = 64;

const STRIPPED = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

type Handle = (req: IncomingMessage, res: ServerResponse) => unknown;

function sendProblem(res: ServerResponse, err: AppError, extra: Record<string, string> = {}): void {
  const { problem, headers } = toProblem(err);
  res.writeHead(problem.status, {
    "content-type": "application/problem+json",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
    ...extra,
    connection: "close",
  });
  res.end(JSON.stringify(problem));
}

function setHeaders(req: IncomingMessage, headers: IncomingMessage["headers"]): void {
  req.headers = headers;
  const raw: string[] = [];
  for (const [k, v] of Object.entries(headers)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) raw.push(k, one);
  req.rawHeaders = raw;
}

/** Rewrites the request's forwarding headers from the socket and the trust rule. */
export function applyForwarded(req: IncomingMessage, trust: TrustRule): void {
  const h = req.headers;
  const one = (name: string) => (Array.isArray(h[name]) ? (h[name] as string[]).join(",") : (h[name] as string | undefined));
  const r = resolveForwarded(
    {
      socketAddress: req.socket.remoteAddress,
      xForwardedFor: one("x-forwarded-for"),
      xForwardedHost: one("x-forwarded-host"),
      xForwardedProto: one("x-forwarded-proto"),
    },
    trust,
  );
  const next = { ...h };
  for (const name of STRIPPED) delete next[name];
  if (r.ip) next["x-forwarded-for"] = r.ip;
  if (r.host) next["x-forwarded-host"] = r.host;
  if (r.proto) next["x-forwarded-proto"] = r.proto;
  setHeaders(req, next);
}

/** Deepest nesting of [ and { outside JSON strings; multipart bodies part by part (a part's quotes never leak into the next). */
export function maxNesting(body: string, contentType: string | undefined): number {
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`) : [body];
  let max = 0;
  for (const part of parts) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      if (inString) {
        if (c === 92)
          i += 1; // backslash escapes the next character
        else if (c === 34) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 91 || c === 123) max = Math.max(max, ++depth);
      else if ((c === 93 || c === 125) && depth > 0) depth -= 1;
    }
  }
  return max;
}

function originMatches(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return origin === undefined;
  const host = (req.headers["x-forwarded-host"] as string | undefined) ?? req.headers.host;
  try {
    return !!host && new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}

async function readBounded(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** A copy of `req` whose body is `body` (already read), for Next to read again. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  const headers = { ...req.headers, "content-length": String(body.length) };
  delete headers["transfer-encoding"];
  setHeaders(copy, headers);
  copy.push(body);
  copy.push(null);
  // Complete: destroying an incomplete message (e.g. at the end of `for await`) would destroy the shared socket.
  copy.complete = true;
  return copy;
}

async function guardAction(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null> {
  if (!originMatches(req)) {
    sendProblem(res, new AppError("forbidden", "Cross-origin requests are not accepted here."));
    return null;
  }
  const declared = Number(req.headers["content-length"] ?? 0);
  const tooLarge = new AppError("payload_too_large", `A server action's body may be at most ${ACTION_BODY_LIMIT} bytes.`);
  if (declared > ACTION_BODY_LIMIT) {
    sendProblem(res, tooLarge);
    req.resume();
    return null;
  }
  const body = await readBounded(req, ACTION_BODY_LIMIT);
  if (!body) {
    sendProblem(res, tooLarge);
    return null;
  }
  if (maxNesting(body.toString("utf8"), req.headers["content-type"]) > ACTION_MAX_DEPTH) {
    sendProblem(res, new AppError("bad_request", `A server action's arguments may be nested at most ${ACTION_MAX_DEPTH} deep.`));
    return null;
  }
  return replay(req, body);
}

/** The request listener: every request passes here before Next's handler. */
export function frontHandler(trust: TrustRule, handle: Handle): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void (async () => {
      const method = (req.method ?? "").toUpperCase();
      if (!(ALLOWED_METHODS as readonly string[]).includes(method)) {
        sendProblem(res, new AppError("method_not_allowed", `${method || "This method"} is not supported.`), { allow: ALLOWED_METHODS.join(", ") });
        req.resume();
        return;
      }
      applyForwarded(req, trust);
      let forNext = req;
      if (method === "POST" && req.headers["next-action"] !== undefined) {
        const checked = await guardAction(req, res);
        if (!checked) return;
        forNext = checked;
      }
      await handle(forNext, res);
    })().catch(() => {
      if (!res.headersSent) sendProblem(res, new AppError("internal", "Something went wrong on our side."));
      else res.destroy();
    });
  };
}
