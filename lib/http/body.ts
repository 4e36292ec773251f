import type { z } from "zod";
import { AppError, fieldsOf } from "../errors";

// JSON bodies: size-limited while streaming (413), JSON content type only
// (415), syntax (400), then the operation's zod schema (422 with fields).

export const DEFAULT_BODY_LIMIT = 64 * 1024;

function isJson(contentType: string | null): boolean {
  if (!contentType) return false;
  const type = contentType.split(";", 1)[0]!.trim().toLowerCase();
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

export async function readText(req: Request, limit: number): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared && Number(declared) > limit) throw new AppError("payload_too_large", `The body may be at most ${limit} bytes.`);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large", `The body may be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(all);
}

export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S, limit = DEFAULT_BODY_LIMIT): Promise<z.infer<S>> {
  if (!isJson(req.headers.get("content-type"))) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const text = await readText(req, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
  return parseWith(schema, data);
}

export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError("validation_failed", "The request is not valid.", { fields: fieldsOf(r.error) });
  return r.data;
}
