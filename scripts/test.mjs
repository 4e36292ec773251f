// `npm test`: every suite, in the order that fails fastest. Each stage is an
// npm script of its own, so a developer can run one alone. The last line counts
// every test of every stage: "N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const reports = mkdtempSync(path.join(os.tmpdir(), "bisman-test-reports-"));
const vitestJson = (name) => ["--", "--reporter=default", "--reporter=json", `--outputFile.json=${path.join(reports, name + ".json")}`];

const stages = [
  { name: "typecheck", args: ["run", "typecheck"] },
  { name: "lint", args: ["run", "lint"] },
  { name: "unit", args: ["run", "test:unit", ...vitestJson("unit")], report: "vitest" },
  { name: "integration", args: ["run", "test:integration", ...vitestJson("integration")], report: "vitest" },
  { name: "build", args: ["run", "build"] },
  { name: "system", args: ["run", "test:system", ...vitestJson("system")], report: "vitest" },
  { name: "e2e", args: ["run", "test:e2e", "--", "--reporter=list,json"], report: "playwright" },
];

const totals = { passed: 0, failed: 0, skipped: 0 };
function count(stage) {
  const file = path.join(reports, stage.name + ".json");
  if (!existsSync(file)) return;
  const r = JSON.parse(readFileSync(file, "utf8"));
  if (stage.report === "vitest") {
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  } else {
    totals.passed += r.stats.expected + r.stats.flaky;
    totals.failed += r.stats.unexpected;
    totals.skipped += r.stats.skipped;
  }
}

const timings = [];
let failedStage;
for (const stage of stages) {
  if (stage.name === "e2e" && !existsSync(chromium)) {
    console.error(`\nnpm test: the browser tests need Chromium, and there is none at ${chromium}.`);
    console.error("Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.");
    failedStage = stage.name;
    totals.failed += 1;
    break;
  }
  console.log(`\n━━ ${stage.name} ━━`);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reports, stage.name + ".json") };
  const t0 = Date.now();
  const r = spawnSync("npm", stage.args, { stdio: "inherit", env });
  timings.push(`${stage.name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (stage.report) count(stage);
  if (r.status !== 0) {
    failedStage = stage.name;
    if (!stage.report) totals.failed += 1;
    break;
  }
}
rmSync(reports, { recursive: true, force: true });
console.log(`\nnpm test: ${failedStage ? `stage "${failedStage}" failed` : "all stages passed"} (${timings.join(", ")})`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStage ? 1 : 0);
