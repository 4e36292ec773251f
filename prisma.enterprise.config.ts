import { defineConfig } from "prisma/config";

// Used by `prisma generate` and `prisma format` only: migrations are applied by lib/migrations.
export default defineConfig({
  schema: "prisma/enterprise/schema.prisma",
  migrations: { path: "prisma/enterprise/migrations" },
});
