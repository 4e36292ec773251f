import type { TestProject } from "vitest/node";
import { ensureClientTemplate } from "@/lib/provisioning/template";
import { startTestPgServer } from "./pg-server";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestPgServer();
  await ensureClientTemplate(server.adminUrl);
  project.provide("pgAdminUrl", server.adminUrl);
  return () => server.stop();
}
