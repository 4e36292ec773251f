import { LRUCache } from "lru-cache";
import { tokenIssuedAt } from "../edge/jwt";
import { enterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import type { Principal } from "../edge/principal";

// A valid token of a deactivated or deleted enterprise/super admin must stop
// working before it expires, and a super admin's tokens from before a
// deactivation stay refused after a reactivation (SuperAdmin.sessionsNotBefore).
// One indexed lookup per admin, cached for a few seconds (admin traffic is
// small; the cache only spares bursts). Client users are checked in their
// tenant database on every request (lib/modules/core/rbac/access).

const TTL_MS = 5_000;
/** An admin's state: whether they are active, and (super admins) from when their tokens count (ms; 0 for always). */
type AdminState = { active: boolean; notBefore: number };
const cache = new LRUCache<string, AdminState>({ max: 10_000, ttl: TTL_MS });

export async function assertAdminActive(p: Principal): Promise<void> {
  if (p.kind === "client-user") return;
  const key = `${p.kind}:${p.id}`;
  let state = cache.get(key);
  if (state === undefined) {
    const db = enterpriseDb();
    if (p.kind === "enterprise-admin") {
      const row = await db.enterpriseAdmin.findUnique({ where: { id: p.id }, select: { isActive: true } });
      state = { active: row?.isActive === true, notBefore: 0 };
    } else {
      const row = await db.superAdmin.findUnique({ where: { id: p.id }, select: { isActive: true, sessionsNotBefore: true } });
      state = { active: row?.isActive === true, notBefore: row?.sessionsNotBefore?.getTime() ?? 0 };
    }
    cache.set(key, state);
  }
  const iat = tokenIssuedAt(p);
  if (!state.active || (iat !== undefined && iat * 1000 < state.notBefore)) throw new AppError("unauthorized", "This account is no longer active.");
}

/** Forget cached answers (after deactivating an admin, and in tests). */
export function forgetAdminActivity(id?: string): void {
  if (!id) return cache.clear();
  cache.delete(`enterprise-admin:${id}`);
  cache.delete(`super-admin:${id}`);
}
