// Calling exported route handlers in-process with real Request objects.

export type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

export interface CallOptions {
  method?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: unknown;
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
}

export function makeRequest(path: string, o: CallOptions = {}): Request {
  const host = o.host ?? "localhost:3000";
  const url = new URL(`http://${host}${path}`);
  for (const [k, v] of Object.entries(o.query ?? {})) url.searchParams.set(k, v);
  const headers = new Headers({ host, ...(o.headers ?? {}) });
  if (o.token) headers.set("authorization", `Bearer ${o.token}`);
  let body: string | undefined;
  if (o.body !== undefined) {
    body = typeof o.body === "string" ? o.body : JSON.stringify(o.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  return new Request(url, { method: o.method ?? (body !== undefined ? "POST" : "GET"), headers, body });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever JSON a route answers
type Json = any;

export async function call(handler: Handler, path: string, o: CallOptions = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const res = await handler(makeRequest(path, o), { params: Promise.resolve(o.params ?? {}) });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}
