import { publicOrigin, type OriginEnv } from "../../config/origin";

// Where the API is reached (lib/config/origin.ts has the rule). The apex host
// serves every route; a tenant's subdomain names the tenant for /api/client/*.

export type ServerEnv = OriginEnv;

export interface Server {
  url: string;
  description: string;
  variables?: Record<string, { default: string; description: string }>;
}

export function apexServer(env: ServerEnv): Server {
  return { url: publicOrigin(env), description: "the apex host (client routes then need x-tenant-id)" };
}

export function tenantServer(env: ServerEnv): Server {
  return {
    url: publicOrigin(env, `{tenant}.${env.APP_DOMAIN}`),
    description: "a tenant's own host: the subdomain names the tenant",
    variables: { tenant: { default: "acme", description: "the tenant's slug" } },
  };
}
