/** Joins class names, skipping falsy ones (the kit's only styling helper; no runtime class merging). */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(" ");
}
