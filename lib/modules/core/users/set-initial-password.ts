import { z } from "zod";
import { accessChanged } from "../rbac/access";
import { appendTenantAudit } from "../../../audit";
import { hashPassword } from "../../../auth/password";
import { sessionsNotBefore } from "../../../auth/tokens";
import { AppError } from "../../../errors";
import { defaultStore, reserveAttempt } from "../../../ratelimit";
import { withTenantDb } from "../../../tenancy/connections";
import type { TenantRecord } from "../../../tenancy/types";
import { linkApplies, SETUP_LINK_SPENT, setupTokenUser } from "./setup-token";
import { ZCreateUserRequest } from "./users.types";

// A setup link's visitor (no session: the token is the credential) sets the
// first password of the user it names; a reset link's visitor replaces the
// password it was issued against. Single-use without server-side state: the
// password is written only while the stored hash is still the one the link
// applies to (null, or the replaced one), in the same UPDATE that checks it, so
// two racing submissions set it once. A reset also ends the user's earlier
// sessions (sessionsNotBefore), since a reset may follow a leaked password. Refusals
// (forged, expired, another tenant's, spent, deactivated) share one answer and
// count per address like failed sign-ins; past the limit even a good link waits.
// The tenant DB is leased for the lookup and the write, not across argon2.

export const ZSetInitialPasswordRequest = z
  .object({
    token: z.string().min(1).max(2048),
    password: ZCreateUserRequest.shape.password,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "does not match the password" });
export type SetInitialPasswordRequest = z.infer<typeof ZSetInitialPasswordRequest>;

/** Refused setup attempts per address: 10 per 15 minutes. */
export const setupFailuresPerIp = () => defaultStore().limiter("setup-fail-ip", 10, 15 * 60_000);

export async function setInitialPassword(tenant: TenantRecord, input: SetInitialPasswordRequest, meta: { ip: string }): Promise<{ email: string }> {
  // Reserved before the token is checked (atomic): a parallel burst cannot all pass one check. Refusals keep it.
  const [reservation] = await reserveAttempt([[setupFailuresPerIp(), meta.ip]], "Too many attempts; try again later.");
  const refuse = async () => new AppError("not_found", SETUP_LINK_SPENT);

  const claim = setupTokenUser(tenant, input.token);
  if (!claim) throw await refuse();
  const user = await withTenantDb(tenant, (db) =>
    db.user.findFirst({ where: { id: claim.userId, isActive: true }, select: { id: true, email: true, passwordHash: true } }),
  );
  if (!user || !linkApplies(claim, user.passwordHash)) throw await refuse();

  const passwordHash = await hashPassword(input.password);
  const reset = claim.replaces !== undefined;
  const set = await withTenantDb(tenant, (db) =>
    db.$transaction(async (tx) => {
      const r = await tx.user.updateMany({
        where: { id: user.id, isActive: true, passwordHash: user.passwordHash },
        // A reset ends the sessions of earlier seconds (the user's own sign-in right after must work).
        data: { passwordHash, ...(reset ? { sessionsNotBefore: sessionsNotBefore("earlier") } : {}) },
      });
      if (r.count !== 1) return false;
      await appendTenantAudit(tx, {
        actorType: "client-user",
        actorId: user.id,
        action: "user.password_set",
        targetType: "user",
        targetId: user.id,
        metadata: { via: reset ? "reset-link" : "setup-link" },
        ip: meta.ip,
      });
      return true;
    }),
  );
  if (reset) await accessChanged(tenant.id); // sessionsNotBefore moved: older tokens stop at once, everywhere
  if (!set) throw await refuse();
  await reservation!.giveBack();
  return { email: user.email };
}
