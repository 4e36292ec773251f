import { LRUCache } from "lru-cache";
import { enterpriseDb } from "../enterprise/db";
import { AppError } from "../errors";
import type { Principal } from "./principal";

// A valid token of a deactivated or deleted enterprise/super admin must stop
// working before it expires. One indexed lookup per admin, cached for a few
// seconds (admin traffic is small; the cache only spares bursts). Client users
// are checked in their tenant database on every request (lib/erp/rbac/access).

const TTL_MS = 5_000;
const cache = new LRUCache<string, boolean>({ max: 10_000, ttl: TTL_MS });

export async function assertAdminActive(p: Principal): Promise<void> {
  if (p.kind === "client-user") return;
  const key = `${p.kind}:${p.id}`;
  let active = cache.get(key);
  if (active === undefined) {
    const db = enterpriseDb();
    const row = p.kind === "enterprise-admin" ? await db.enterpriseAdmin.findUnique({ where: { id: p.id }, select: { isActive: true } }) : await db.superAdmin.findUnique({ where: { id: p.id }, select: { isActive: true } });
    active = row?.isActive === true;
    cache.set(key, active);
  }
  if (!active) throw new AppError("unauthorized", "This account is no longer active.");
}

/** Forget cached answers (after deactivating an admin, and in tests). */
export function forgetAdminActivity(id?: string): void {
  if (!id) return cache.clear();
  cache.delete(`enterprise-admin:${id}`);
  cache.delete(`super-admin:${id}`);
}
