import { z } from "zod";

// A super admin as the enterprise API shows it. The select names every column it
// reads, so the password hash is never loaded, let alone answered.

export const ZSuperAdminView = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  segments: z.array(z.string()),
  /** Module keys this super admin may assign to their clients. */
  modules: z.array(z.string()),
  /** Clients assigned to this super admin (ClientAssignment). */
  clientIds: z.array(z.uuid()),
  isActive: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SuperAdminView = z.infer<typeof ZSuperAdminView>;

export const ZSuperAdminParams = z.object({ id: z.uuid() });

/** Who changes super admins: an enterprise admin (or the system, in scripts). */
export interface EnterpriseActor {
  type: "enterprise-admin" | "system";
  id: string | null;
  ip?: string | null;
}

export const superAdminViewSelect = {
  id: true,
  email: true,
  name: true,
  segments: true,
  isActive: true,
  lastLoginAt: true,
  createdAt: true,
  updatedAt: true,
  modules: { select: { module: { select: { key: true } } } },
  clients: { select: { clientId: true } },
} as const;

interface Row {
  id: string;
  email: string;
  name: string;
  segments: string[];
  isActive: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  modules: { module: { key: string } }[];
  clients: { clientId: string }[];
}

export function toSuperAdminView(r: Row): SuperAdminView {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    segments: [...r.segments].sort(),
    modules: r.modules.map((m) => m.module.key).sort(),
    clientIds: r.clients.map((c) => c.clientId).sort(),
    isActive: r.isActive,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

// Shared field rules of the create and update requests.
export const zName = z.string().trim().min(1).max(120);
export const zSegments = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((s) => [...new Set(s)].sort());
export const zModuleKeys = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .transform((s) => [...new Set(s)].sort());
