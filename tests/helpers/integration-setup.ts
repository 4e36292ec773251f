import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createEnterpriseDb } from "@/lib/db/enterprise";
import { ensureDefaultShard, ensureModuleCatalogue } from "@/lib/runtime/bootstrap";
import { migrateDatabase } from "@/lib/migrations";
import { createScratchDatabase } from "./databases";

// Each integration test file gets its own migrated enterprise database on the
// run's PostgreSQL server, and the environment a server would have.
const adminUrl = inject("pgAdminUrl");
const enterprise = await createScratchDatabase(adminUrl);
await migrateDatabase(enterprise.url, "enterprise");

process.env.DATABASE_URL = enterprise.url;
process.env.MASTER_KEY ??= randomBytes(32).toString("base64");
process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.METRICS_TOKEN ??= randomBytes(24).toString("base64url");

const db = createEnterpriseDb(enterprise.url, 2);
await ensureDefaultShard(db);
await ensureModuleCatalogue(db);
await db.$disconnect();

afterAll(async () => {
  const { enterpriseDb } = await import("@/lib/db/enterprise");
  await enterpriseDb().$disconnect();
  await enterprise.drop();
});
