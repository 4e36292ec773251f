import { AppError } from "../errors";

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

/** The body as parsed JSON, not yet validated: 415, 413 or 400 on the way. */
export async function readJsonBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  if (!isJson(req.headers.get("content-type"))) throw new AppError("unsupported_media_type", "Send the body as application/json.");
  const text = await readText(req, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
