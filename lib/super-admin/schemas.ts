import { z } from "zod";
import type { Principal } from "../auth/principal";

// Shapes shared by the super admin's operations (the narrower /admin view).

export type SuperAdminPrincipal = Extract<Principal, { kind: "super-admin" }>;

export const ZAssignedClientParams = z.object({ id: z.uuid() });

/** A client as its super admin sees it: no database name, shard, URI or failure details. */
export const ZAssignedClientView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  status: z.enum(["PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "ARCHIVED"]),
  modules: z.array(z.string()),
  schemaVersion: z.string().nullable(),
});
export type AssignedClientView = z.infer<typeof ZAssignedClientView>;
