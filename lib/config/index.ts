import { parseEnv, requireRuntimeEnv, type Env } from "./env";

export { ConfigError, parseEnv, requireRuntimeEnv, type Env } from "./env";

let cached: ReturnType<typeof requireRuntimeEnv> | undefined;

/** The server's configuration, parsed from process.env on first use. */
export function config(): ReturnType<typeof requireRuntimeEnv> {
  cached ??= requireRuntimeEnv(parseEnv(process.env));
  return cached;
}

export const isProduction = (env: Pick<Env, "NODE_ENV">) => env.NODE_ENV === "production";
