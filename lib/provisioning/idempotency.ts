import { createHash } from "node:crypto";
import { decrypt, encrypt } from "../crypto";
import type { EnterpriseDb } from "../db/enterprise";
import { AppError, type ErrorCode, type ProblemField } from "../errors";

// Idempotency-Key semantics for POSTs that create things: the first request
// with a key runs; a retry with the same key and the same body gets the first
// answer again (and nothing runs twice, even when they race); the same key
// with a different body → 422. Answers are stored encrypted (they may carry a
// one-time setup link). Server failures (5xx) are not stored: the key can be retried.

const KEY = /^[\x21-\x7e]{1,200}$/;
const WAIT_MS = 60_000;
const POLL_MS = 50;
/** Keys older than this are forgotten (and purged by `npm run purge`). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

export interface IdempotentResult<T> {
  status: number;
  body: T;
  replayed: boolean;
}

interface StoredError {
  error: { code: ErrorCode; detail?: string; fields?: ProblemField[] };
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(",")}}`;
}

export function requestHash(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("hex");
}

const aad = (scope: string, key: string) => `idempotency:${scope}:${key}`;

export async function withIdempotency<T>(
  db: EnterpriseDb,
  opts: { scope: string; key: string | null | undefined; request: unknown },
  run: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResult<T>> {
  if (opts.key === undefined || opts.key === null) return { ...(await run()), replayed: false };
  const { scope, key } = opts;
  if (!KEY.test(key)) throw new AppError("validation_failed", "The Idempotency-Key header must be 1–200 visible ASCII characters.");
  const hash = requestHash(opts.request);
  const deadline = Date.now() + WAIT_MS;

  for (;;) {
    const inserted = await db.$executeRaw`
      INSERT INTO "IdempotencyKey" ("scope", "key", "requestHash") VALUES (${scope}, ${key}, ${hash})
      ON CONFLICT ("scope", "key") DO NOTHING`;
    if (inserted === 1) return { ...(await runAndStore(db, scope, key, run)), replayed: false };

    const row = await db.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
    if (!row) continue; // the first request failed and released the key: try to take it
    if (row.completedAt && Date.now() - row.createdAt.getTime() > IDEMPOTENCY_TTL_MS) {
      await db.idempotencyKey.deleteMany({ where: { scope, key, createdAt: row.createdAt } });
      continue;
    }
    if (row.requestHash !== hash) {
      throw new AppError("validation_failed", "This Idempotency-Key was already used with a different request body.");
    }
    if (row.responseStatus !== null && row.responseBody !== null) {
      const stored = JSON.parse(decrypt(row.responseBody, aad(scope, key))) as T | StoredError;
      if (row.responseStatus >= 400) {
        const e = (stored as StoredError).error;
        throw new AppError(e.code, e.detail, { fields: e.fields });
      }
      return { status: row.responseStatus, body: stored as T, replayed: true };
    }
    if (Date.now() > deadline) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry later.");
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function runAndStore<T>(
  db: EnterpriseDb,
  scope: string,
  key: string,
  run: () => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T }> {
  let result: { status: number; body: T };
  try {
    result = await run();
  } catch (err) {
    if (err instanceof AppError && err.status < 500) {
      const stored: StoredError = { error: { code: err.code, detail: err.detail, fields: err.extra.fields } };
      await complete(db, scope, key, err.status, stored);
    } else {
      await db.idempotencyKey.deleteMany({ where: { scope, key } }).catch(() => undefined);
    }
    throw err;
  }
  await complete(db, scope, key, result.status, result.body);
  return result;
}

async function complete(db: EnterpriseDb, scope: string, key: string, status: number, body: unknown): Promise<void> {
  await db.idempotencyKey.update({
    where: { scope_key: { scope, key } },
    data: { responseStatus: status, responseBody: encrypt(JSON.stringify(body), aad(scope, key)).ciphertext, completedAt: new Date() },
  });
}
