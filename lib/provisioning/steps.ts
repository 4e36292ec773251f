import type { EnterpriseDb } from "../db/enterprise";
import { ADVISORY_LOCKS } from "../db/locks";

// The recorded provisioning steps, in order. Client.provisioningStep holds the
// last one completed while the client is PROVISIONING; reconcile reads it.
export const STEPS = ["recorded", "role", "database", "seeded", "encrypted", "active"] as const;
export type ProvisionStep = (typeof STEPS)[number];

export const stepIndex = (s: string | null | undefined) => (s ? STEPS.indexOf(s as ProvisionStep) : -1);

/** Advisory lock (on the shard's server) held by whoever is provisioning a client: a live provisioner is never reconciled. */
export const PROVISION_LOCK = ADVISORY_LOCKS.provisioning;

export class ProvisioningTakenOver extends Error {
  override name = "ProvisioningTakenOver";
}

/** Records a step; fails when the client is no longer PROVISIONING (someone else finished or cleaned it). */
export async function recordStep(db: EnterpriseDb, clientId: string, step: ProvisionStep, data: Record<string, unknown> = {}): Promise<void> {
  const { count } = await db.client.updateMany({ where: { id: clientId, status: "PROVISIONING" }, data: { provisioningStep: step, ...data } });
  if (count !== 1) throw new ProvisioningTakenOver(`client ${clientId} is no longer provisioning`);
}
