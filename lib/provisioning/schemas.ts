import { z } from "zod";
import { ClientStatus } from "../generated/enterprise/enums.ts";

/** A client's lifecycle status, as the enterprise schema declares it. */
export const ZClientStatus = z.enum(ClientStatus);
export const CLIENT_STATUSES = ZClientStatus.options;

// Request and response shapes of the client (tenant) operations; types derive from these.

const name = z.string().trim().min(2, "must be at least 2 characters").max(120);
const segment = z.string().trim().min(1).max(60);

export const ZCreateClientRequest = z
  .object({
    name,
    slug: z.string().optional(),
    segment: segment.optional(),
    adminEmail: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    adminName: z.string().trim().min(1).max(120).optional(),
    adminPassword: z.string().min(12, "must be at least 12 characters").max(200).optional(),
    superAdminId: z.uuid().optional(),
    modules: z.array(z.string().min(1).max(60)).max(50).optional(),
    shardId: z.uuid().optional(),
  })
  .strict();
export type CreateClientRequest = z.infer<typeof ZCreateClientRequest>;

export const ZCreateClientResponse = z.object({
  clientId: z.uuid(),
  slug: z.string(),
  dbName: z.string(),
  status: z.literal("ACTIVE"),
  /** Present when no adminPassword was given: a one-time link for the first client admin. */
  setupLink: z.string().optional(),
});
export type CreateClientResponse = z.infer<typeof ZCreateClientResponse>;

export const ZUpdateClientRequest = z
  .object({
    name: name.optional(),
    segment: segment.nullable().optional(),
    status: z.enum(["ACTIVE", "SUSPENDED"]).optional(),
    superAdminIds: z.array(z.uuid()).max(100).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "nothing to change");
export type UpdateClientRequest = z.infer<typeof ZUpdateClientRequest>;

export const ZClientParams = z.object({ id: z.uuid() });

/** POST /api/enterprise/clients/:id/setup-link?email=: which owner (default: the first one still without a password). */
export const ZSetupLinkQuery = z.object({
  email: z
    .email()
    .max(254)
    .transform((e) => e.toLowerCase())
    .optional(),
});

export const ZListClientsQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: ZClientStatus.optional(),
  q: z.string().trim().max(100).optional(),
  /** "behind": ACTIVE/SUSPENDED tenants whose schema is older than the code's newest client migration (fleet migrations). */
  schema: z.enum(["behind"]).optional(),
});
export type ListClientsQuery = z.infer<typeof ZListClientsQuery>;

/** A client as the enterprise API shows it: no URI, no key id. */
export const ZClientView = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  segment: z.string().nullable(),
  status: ZClientStatus,
  dbName: z.string(),
  shardId: z.uuid(),
  schemaVersion: z.string().nullable(),
  /** Fleet migrations: older than the code's newest client migration. */
  schemaBehind: z.boolean(),
  lastMigrationAt: z.string().nullable(),
  lastMigrationStatus: z.enum(["succeeded", "failed"]).nullable(),
  lastMigrationError: z.string().nullable(),
  failureReason: z.string().nullable(),
  modules: z.array(z.string()),
  superAdminIds: z.array(z.uuid()),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ClientView = z.infer<typeof ZClientView>;
