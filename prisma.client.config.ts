import { defineConfig } from "prisma/config";

// Used by `prisma generate` and `prisma format` only: migrations are applied by lib/migrations.
export default defineConfig({
  schema: "prisma/client/schema.prisma",
  migrations: { path: "prisma/client/migrations" },
});
