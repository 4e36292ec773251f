import type { Env } from "./env";

export type OriginEnv = Pick<Env, "APP_DOMAIN" | "PORT" | "NODE_ENV">;

/**
 * The public origin of a host under APP_DOMAIN (the apex, a tenant's subdomain,
 * or an OpenAPI server template): plain http with the port on localhost or
 * outside production; https on the default port otherwise (TLS ends at the
 * proxy in front of the app).
 */
export function publicOrigin(env: OriginEnv, host: string = env.APP_DOMAIN): string {
  const local = env.APP_DOMAIN === "localhost" || env.NODE_ENV !== "production";
  return local ? `http://${host}:${env.PORT}` : `https://${host}`;
}

/** The origin of a tenant's own host: `<slug>.<APP_DOMAIN>`. */
export function tenantOrigin(env: OriginEnv, slug: string): string {
  return publicOrigin(env, `${slug}.${env.APP_DOMAIN}`);
}
