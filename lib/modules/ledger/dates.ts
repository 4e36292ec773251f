import { z } from "zod";

/** A calendar date YYYY-MM-DD that exists (2026-02-30 does not). */
export const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, "is not a calendar date");

/** A DATE column value: midnight UTC of that day (what Prisma reads and writes for @db.Date). */
export function toDbDate(s: string): Date {
  return new Date(`${s}T00:00:00Z`);
}

export function fromDbDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}
