// How the audit pages show an entry's time and metadata (pure; tests/unit/audit-ui.test.ts).
// `_audit` is a private folder: shared by /audit (tenant) and /admin/audit, never a route.

/** "2026-03-02 14:05:09 UTC" from the entry's ISO instant (the log's times are UTC; so is the page). */
export function formatUtc(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** One key: value of an entry's metadata; `full` is set when `text` was shortened (the page puts it in a title). */
export interface MetaPair {
  key: string;
  text: string;
  full?: string;
}

export const META_VALUE_MAX = 60;

/** An id short enough for a table cell (its first 8 characters); the page gives the whole one in a title. */
export function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 8)}…` : id;
}

export function truncate(s: string, max: number): string {
  const chars = Array.from(s); // never split a surrogate pair
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : s;
}

/** A metadata value as compact text: scalars as they are, lists comma-separated, objects as {k: v, …}; never JSON quotes. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return "–";
  if (typeof v === "string") return v === "" ? "“”" : v;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (Array.isArray(v)) return v.length ? v.map(valueText).join(", ") : "none";
  if (typeof v === "object") {
    const inner = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${Array.isArray(x) ? `[${valueText(x)}]` : valueText(x)}`);
    return `{${inner.join(", ")}}`;
  }
  return String(v);
}

/** The metadata's top-level keys in stored order, each value as compact text, shortened past `max` characters. */
export function metadataPairs(metadata: unknown, max = META_VALUE_MAX): MetaPair[] {
  if (metadata === null || metadata === undefined) return [];
  const entries =
    typeof metadata === "object" && !Array.isArray(metadata) ? Object.entries(metadata as Record<string, unknown>) : [["value", metadata] as const];
  return entries.map(([key, v]) => {
    const full = valueText(v);
    const text = truncate(full, max);
    return text === full ? { key, text } : { key, text, full };
  });
}
