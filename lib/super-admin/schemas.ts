import { z } from "zod";
import type { Principal } from "../edge/principal";
import { ZClientStatus } from "../provisioning/schemas";

// Shapes shared by the super admin's operations (the narrower /admin view).

export type SuperAdminPrincipal = Extract<Principal, { kind: "super-admin" }>;

export const ZAssignedClientParams = z.object({ id: z.uuid() });

/** A client as its super admin sees it: no database name, shard, URI or failure details. */
export const ZAssignedClientView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  status: ZClientStatus,
  modules: z.array(z.string()),
  schemaVersion: z.string().nullable(),
});
export type AssignedClientView = z.infer<typeof ZAssignedClientView>;
