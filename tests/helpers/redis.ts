import { Redis } from "ioredis";

// The Redis that the Redis-backed tests use: TEST_REDIS_URL, else the
// machine's redis-server on 127.0.0.1:6379. Without one those tests are
// skipped, and say so: they never pass silently on a machine without Redis.

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

/** A connected client, or undefined (after printing why the file's Redis tests will be skipped). */
export async function connectTestRedis(what: string): Promise<Redis | undefined> {
  const r = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on("error", () => undefined);
  try {
    await r.connect();
    await r.ping();
    return r;
  } catch {
    r.disconnect();
    console.warn(`[skipped] ${what}: no Redis answers at ${TEST_REDIS_URL} (start redis-server or set TEST_REDIS_URL)`);
    return undefined;
  }
}
