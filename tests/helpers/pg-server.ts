import { startScratchPostgres, type ScratchPostgres } from "@/lib/runtime/scratch-postgres";

export { freePort } from "@/lib/runtime/scratch-postgres";

// A real PostgreSQL server for a test run: TEST_DATABASE_URL when given
// (a superuser URL; the run only drops what it created), else a private
// embedded server in a temporary directory, removed afterwards.
export function startTestPgServer(): Promise<ScratchPostgres> {
  return startScratchPostgres(process.env.TEST_DATABASE_URL, "bisman-test-pg-");
}
