import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/enterprise/client.ts";
import { config } from "../config";

export type EnterpriseDb = InstanceType<typeof PrismaClient>;

const globalForDb = globalThis as unknown as { enterpriseDb?: EnterpriseDb };

export function createEnterpriseDb(url: string, max = 10): EnterpriseDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max, application_name: "bisman-enterprise" }) });
}

/** The process-wide enterprise (control-plane) client; survives dev hot reloads. */
export function enterpriseDb(): EnterpriseDb {
  globalForDb.enterpriseDb ??= createEnterpriseDb(config().DATABASE_URL);
  return globalForDb.enterpriseDb;
}
