import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

// The Redis client @upstash/ratelimit 2.2.0 needs, on top of ioredis.
//
// The library is written for @upstash/redis (REST). Its single-region
// algorithms reach Redis through one function (dist/index.js, `safeEval`):
//   redis.evalsha(hash, keys, args)   and, when that error mentions NOSCRIPT,
//   redis.eval(script, keys, args)
// Nothing else is called unless dynamicLimits, enableProtection, analytics or
// MultiRegionRatelimit are used (we use none). Its type asks for
// Pick<Redis, "evalsha" | "get" | "set"> and yet calls `eval`: this class
// gives the two methods that are called, and the caller casts.
//
// The trap: every limiter script starts with `#!lua flags=allow-key-locking`,
// which Redis 7.0 refuses ("Unexpected flag in script shebang"). So `eval`
// drops that first line. The hash the library passes to `evalsha` is sha1 of
// the ORIGINAL script, which Redis can never hold; `eval` records
// sha1(original) → sha1(stripped), and `evalsha` asks Redis for the stripped
// script's hash. An unknown hash (first call in this process) or a script cache
// emptied by a Redis restart answers NOSCRIPT, and the library falls back to
// `eval`, which loads the stripped script again (EVAL caches what it runs).
// Without a shebang Redis runs a script in its pre-7.0 compatibility mode,
// which these scripts (they touch only their declared KEYS) are written for.

const SHEBANG = /^#!lua[^\n]*\n/;

export function stripShebang(script: string): string {
  return script.replace(SHEBANG, "");
}

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

const strings = (args: unknown[]) => args.map((a) => (a === null || a === undefined ? "" : String(a)));

export class UpstashRedisAdapter {
  /** sha1 of a script as the library knows it → sha1 of what Redis holds. A handful of entries (one per script). */
  private readonly loaded = new Map<string, string>();

  constructor(private readonly redis: Redis | Promise<Redis>) {}

  async evalsha(hash: string, keys: string[], args: unknown[]): Promise<unknown> {
    return (await this.redis).evalsha(this.loaded.get(hash) ?? hash, keys.length, ...keys, ...strings(args));
  }

  async eval(script: string, keys: string[], args: unknown[]): Promise<unknown> {
    const stripped = stripShebang(script);
    const result = await (await this.redis).eval(stripped, keys.length, ...keys, ...strings(args));
    this.loaded.set(sha1(script), sha1(stripped));
    return result;
  }
}
