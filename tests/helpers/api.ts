import { serve } from "@/lib/api/router";

// The API for in-process tests, answering through the router exactly as
// app/api/[...path]/route.ts does.
//
// routeHandlers("/api/client/transactions/{id}") gives what a route file per
// path would export: GET, POST, PUT, PATCH and DELETE handlers for that path,
// whatever URL the test builds (like Next, the path's {params} come from the
// handler's second argument), so `call(PATCH, "/x", { params: { id } })` edits
// that entry. serveAs(method) sends a request to its own URL with that method.

type Handler = (req: Request, context?: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export function serveAs(method: Method): Handler {
  return async (req) => serve(req.method === method ? req : new Request(req, { method }));
}

export function routeHandlers(pattern: string): Record<Method, Handler> {
  const bound =
    (method: Method): Handler =>
    async (req, context) => {
      const params = ((await context?.params) ?? {}) as Record<string, string>;
      const url = new URL(req.url);
      url.pathname = pattern.replace(/\{(\w+)\}/g, (_, name: string) => {
        if (params[name] === undefined) throw new Error(`${pattern}: the test passes no params.${name}`);
        return encodeURIComponent(params[name]);
      });
      return serve(new Request(url, { method, headers: req.headers, body: req.body, duplex: "half" } as RequestInit));
    };
  return { GET: bound("GET"), POST: bound("POST"), PUT: bound("PUT"), PATCH: bound("PATCH"), DELETE: bound("DELETE") };
}
