import type { AuditInput } from "../../audit";
import type { TenantContext } from "../../tenancy/types";

/** The acting tenant user's id (null for an admin acting on the tenant: not a row of this database's User table). */
export function actingUserId(ctx: TenantContext): string | null {
  return ctx.principal.kind === "client-user" ? ctx.principal.id : null;
}

export function auditActor(ctx: TenantContext): Pick<AuditInput, "actorType" | "actorId" | "ip"> {
  return { actorType: ctx.principal.kind, actorId: ctx.principal.id, ip: ctx.ip ?? null };
}
