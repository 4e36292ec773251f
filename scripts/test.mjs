// `npm test`: every suite, in the order that fails fastest. Each stage is an
// npm script of its own, so a developer can run one alone.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const stages = [
  ["typecheck", ["run", "typecheck"]],
  ["lint", ["run", "lint"]],
  ["unit", ["run", "test:unit"]],
  ["integration", ["run", "test:integration"]],
  ["build", ["run", "build"]],
  ["system", ["run", "test:system"]],
  ["e2e", ["run", "test:e2e"]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const timings = [];
for (const [name, args] of stages) {
  if (name === "e2e" && !existsSync(chromium)) {
    console.error(`\nnpm test: the browser tests need Chromium, and there is none at ${chromium}.`);
    console.error("Install one (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH, then run npm test again.");
    process.exit(1);
  }
  console.log(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  const r = spawnSync("npm", args, { stdio: "inherit", env });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (r.status !== 0) {
    console.error(`\nnpm test: stage "${name}" failed (${timings.join(", ")})`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\nnpm test: all stages passed (${timings.join(", ")})`);
