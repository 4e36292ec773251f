// `npm run purge [-- --grace-days N]`: drop the databases and roles of clients
// archived longer ago than the grace period (ARCHIVE_GRACE_DAYS, default 30),
// then their rows; forget expired idempotency keys.
// Thin entry over lib/provisioning/purge.ts.
import { parseArgs } from "node:util";
import { loadCliEnv } from "../lib/runtime/cli-env";

const { values } = parseArgs({ options: { "grace-days": { type: "string" } } });
const graceDays = values["grace-days"] === undefined ? undefined : Number(values["grace-days"]);
if (graceDays !== undefined && (!Number.isFinite(graceDays) || graceDays < 0)) {
  console.error("purge: --grace-days must be a number ≥ 0");
  process.exit(2);
}

loadCliEnv();
const { enterpriseDb } = await import("../lib/db/enterprise");
const { purgeArchived, closeAdminPools } = await import("../lib/provisioning");

try {
  const { purged, failed } = await purgeArchived({ graceDays });
  console.log(`purged ${purged.length} archived client(s)${purged.length ? `: ${purged.join(" ")}` : ""}`);
  if (failed.length) console.error(`could not purge ${failed.length}: ${failed.join(" ")} (see the log; retried next run)`);
  process.exitCode = failed.length ? 1 : 0;
} finally {
  await closeAdminPools();
  await enterpriseDb().$disconnect();
}
