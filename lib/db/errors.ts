/** Prisma's unique-constraint violation (P2002), or PostgreSQL's 23505 through the driver adapter. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string }; meta?: { driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } } | null;
  return e?.code === "P2002" || e?.code === "23505" || e?.cause?.code === "23505" || e?.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation";
}
