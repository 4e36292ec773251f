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

// What a restart, failover or overload does to requests in flight: the server ends the connection (57P01 admin
// shutdown, 57P02 crash shutdown, 57P03 cannot connect now, class 08 connection exceptions), refuses a new one
// (53300 too many connections), or aborts a transaction (40001 serialization failure, 40P01 deadlock). None is the
// request's fault, and the same request may well succeed a moment later.
const TRANSIENT_STATES = new Set(["57P01", "57P02", "57P03", "53300", "40001", "40P01"]);
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT"]);

/** A database error worth a 503 with Retry-After (and, for a safe request, one more try), never a 500. */
export function isTransient(err: unknown): boolean {
  if (sqlStates(err).some((c) => TRANSIENT_STATES.has(c) || c.startsWith("08"))) return true;
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && typeof e === "object" && depth < 6;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === "string" && NETWORK_CODES.has(e.code)) return true;
    if (typeof e.message === "string" && /Connection terminated/i.test(e.message)) return true;
  }
  return false;
}
