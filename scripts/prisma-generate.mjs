// Generates both Prisma clients offline. `prisma generate` wants a schema-engine
// binary it would download; it only checks that one exists, so any executable
// stands in (see README, "Version traps").
import { spawnSync } from "node:child_process";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" };
for (const name of ["enterprise", "client"]) {
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--config", `prisma.${name}.config.ts`], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
