// What may be logged of an error raised while handling credentials: name,
// code and a message with any connection URI or password= pair removed.
const URI = /\b(postgres(?:ql)?|redis|rediss):\/\/[^\s'"]+/gi;
const KV = /\b(password|pwd)\s*=\s*[^\s'"]+/gi;

export function scrubText(s: string): string {
  return s.replace(URI, "$1://<redacted>").replace(KV, "$1=<redacted>");
}

export function safeError(err: unknown): { name: string; code?: string; message: string } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { name: err.name, ...(typeof code === "string" ? { code } : {}), message: scrubText(err.message) };
  }
  return { name: "NonError", message: scrubText(String(err)) };
}
