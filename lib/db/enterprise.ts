import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/enterprise/client.ts";
import { config } from "../config";

export type EnterpriseDb = InstanceType<typeof PrismaClient>;

const globalForDb = globalThis as unknown as { enterpriseDb?: EnterpriseDb };

/** Connections of the process-wide enterprise pool (counted out of a server's tenant connection budget). */
export const ENTERPRISE_POOL_SIZE = 10;

export function createEnterpriseDb(url: string, max = ENTERPRISE_POOL_SIZE): EnterpriseDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max, application_name: "bisman-enterprise" }) });
}

/** The process-wide enterprise (control-plane) client; survives dev hot reloads. */
export function enterpriseDb(): EnterpriseDb {
  globalForDb.enterpriseDb ??= createEnterpriseDb(config().DATABASE_URL);
  return globalForDb.enterpriseDb;
}
