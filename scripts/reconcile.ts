// `npm run reconcile`: finish or clean clients a crash left in PROVISIONING,
// drop leftovers of FAILED clients and orphan tenant databases/roles, and
// report ACTIVE clients whose database is missing. Also runs at start-up.
// Exit status: 0 when consistent, 1 when an ACTIVE client lacks its database.
// Thin entry over lib/provisioning/reconcile.ts.
import { loadCliEnv } from "../lib/runtime/cli-env";

loadCliEnv();
const { enterpriseDb } = await import("../lib/db/enterprise");
const { reconcile, closeAdminPools } = await import("../lib/provisioning");

try {
  const report = await reconcile();
  const line = (label: string, ids: string[]) => console.log(`${label.padEnd(28)} ${ids.length}${ids.length ? `  ${ids.join(" ")}` : ""}`);
  line("finished (now ACTIVE)", report.finished);
  line("cleaned (now FAILED)", report.cleaned);
  line("still provisioning (live)", report.skippedLive);
  line("failed leftovers dropped", report.failedLeftoversDropped);
  line("orphans dropped", report.orphansDropped);
  line("ACTIVE without database", report.activeWithoutDatabase);
  process.exitCode = report.activeWithoutDatabase.length ? 1 : 0;
} finally {
  await closeAdminPools();
  await enterpriseDb().$disconnect();
}
