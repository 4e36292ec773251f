// The one place that recognises PostgreSQL errors, wherever the pg driver or
// Prisma's driver adapter keeps the SQLSTATE (code, originalCode, meta, cause).

/** PostgreSQL's SQLSTATEs in an error, wherever a driver or Prisma's adapter keeps them (code, originalCode, cause, meta). */
export function sqlStates(err: unknown, depth = 0): string[] {
  if (!err || typeof err !== "object" || depth > 5) return [];
  const e = err as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown; code?: unknown } };
  const own = [e.code, e.originalCode, e.meta?.code].filter((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
  return [...own, ...sqlStates(e.cause, depth + 1), ...sqlStates(e.meta?.driverAdapterError, depth + 1)];
}

/**
 * SQLSTATE class 22, "data exception": a value the database cannot take — a NUL character in text (22021), a
 * date out of range such as year 0000 (22008, 22007), a number beyond its type (22003), text that is no number
 * (22P02), an untranslatable character (22P05). Always a value the client sent: 422, not 500 (issue 10, finding 4).
 */
export function isDataException(err: unknown): boolean {
  return sqlStates(err).some((c) => c.startsWith("22"));
}

/** A unique-constraint violation: PostgreSQL's 23505, or Prisma's P2002 / the adapter's kind for it. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string } } } } | null;
  return e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation" || sqlStates(err).includes("23505");
}

/** A CHECK constraint (or a trigger raising check_violation) refused the row: 23514. */
export function isCheckViolation(err: unknown): boolean {
  return sqlStates(err).includes("23514");
}

/**
 * The database was too busy to give us a connection or start a transaction in time: pg-pool's wait for a
 * connection timed out, or Prisma's (P2028, "Unable to start a transaction in the given time"). Callers answer
 * 503 with Retry-After rather than 500.
 */
export function isBusyDatabase(err: unknown): boolean {
  const e = err as { message?: unknown; code?: unknown } | null;
  return !!e && (e.code === "P2028" || e.message === "timeout exceeded when trying to connect");
}
