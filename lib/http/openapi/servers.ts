import type { Env } from "../../config";

// Where the API is reached, by the same rule as the setup link
// (lib/provisioning/setup-link.ts): plain http with the port on localhost or
// outside production, https on the bare domain otherwise. The apex host serves
// every route; a tenant's subdomain names the tenant for /api/client/*.

export type ServerEnv = Pick<Env, "APP_DOMAIN" | "PORT" | "NODE_ENV">;

export interface Server {
  url: string;
  description: string;
  variables?: Record<string, { default: string; description: string }>;
}

function origin(env: ServerEnv, host: string): string {
  const local = env.APP_DOMAIN === "localhost" || env.NODE_ENV !== "production";
  return local ? `http://${host}:${env.PORT}` : `https://${host}`;
}

export function apexServer(env: ServerEnv): Server {
  return { url: origin(env, env.APP_DOMAIN), description: "the apex host (client routes then need x-tenant-id)" };
}

export function tenantServer(env: ServerEnv): Server {
  return {
    url: origin(env, `{tenant}.${env.APP_DOMAIN}`),
    description: "a tenant's own host: the subdomain names the tenant",
    variables: { tenant: { default: "acme", description: "the tenant's slug" } },
  };
}
