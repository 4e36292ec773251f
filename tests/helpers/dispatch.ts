import { readdirSync, statSync } from "node:fs";
import path from "node:path";

// dispatch(req): answers a Request the way the app's API does, in-process: it
// finds the route file under app/api for the request's path (literal segments
// before `[param]` ones), imports it, and calls the exported method with the
// path's params, like Next's router. A path or method without a route answers
// 404 / 405 as Next would. Tests that only need "send this request to the API"
// (the fuzz test) depend on this function alone, so the lead can swap its body
// for the module router without touching them.

const ROOT = path.resolve(import.meta.dirname, "../..");
const API = path.join(ROOT, "app/api");

interface RouteFile {
  segments: string[];
  file: string;
}

let routes: RouteFile[] | undefined;

function scan(dir: string, segments: string[], out: RouteFile[]): void {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) scan(full, [...segments, name], out);
    else if (name === "route.ts") out.push({ segments, file: full });
  }
}

function match(parts: string[]): { file: string; params: Record<string, string> } | undefined {
  routes ??= (() => {
    const out: RouteFile[] = [];
    scan(API, ["api"], out);
    // Literal segments win over dynamic ones at the same position.
    return out.sort((a, b) => a.segments.map((s) => (s.startsWith("[") ? "1" : "0")).join("").localeCompare(b.segments.map((s) => (s.startsWith("[") ? "1" : "0")).join("")));
  })();
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = r.segments.every((s, i) => {
      const dynamic = /^\[(\w+)\]$/.exec(s);
      if (dynamic) {
        params[dynamic[1]!] = parts[i]!;
        return true;
      }
      return s === parts[i];
    });
    if (ok) return { file: r.file, params };
  }
  return undefined;
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function dispatch(req: Request): Promise<Response> {
  const url = new URL(req.url);
  let parts: string[];
  try {
    parts = url.pathname.split("/").filter(Boolean).map((p) => decodeURIComponent(p));
  } catch {
    return new Response(null, { status: 400 });
  }
  const found = match(parts);
  if (!found) return new Response(null, { status: 404 });
  const mod = (await import(/* @vite-ignore */ found.file)) as Record<string, Handler | undefined>;
  const handler = mod[req.method.toUpperCase()];
  if (typeof handler !== "function") return new Response(null, { status: 405 });
  return handler(req, { params: Promise.resolve(found.params) });
}
