import { z } from "zod";
import { appendEnterpriseAudit, appendTenantAudit } from "../audit";
import { enterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { loginFailuresPerAccount, loginFailuresPerEmail, loginFailuresPerIp, reserveAttempt } from "../ratelimit";
import { withTenantDb } from "../tenancy/connections";
import type { TenantRecord } from "../tenancy/types";
import { runInBackground } from "./background";
import { dummyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import type { Principal } from "../edge/principal";

// Password sign-in for the three kinds of people: one flow, three lookups.
// The answer to a wrong email and to a wrong password is the same 401, and an
// unknown email still costs one argon2 verification (against dummyHash), so
// neither the answer nor its timing says whether an account exists. Failures
// are counted per email+IP (5), per email (20) and per IP (50) over 15
// minutes, each attempt reserved before the password is checked; past a limit
// the sign-in is refused (429) without checking the password.
// Sign-ins of existing accounts, and refusals of them, are audit entries (the
// tenant's log for its users, the global log for admins); an unknown email
// writes nothing, so the log cannot be filled by guessing.

export const ZLoginRequest = z.object({
  email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof ZLoginRequest>;

export interface LoginMeta {
  ip: string;
}

interface Account {
  passwordHash: string | null;
  active: boolean;
  principal: Principal;
  /** Stores an upgraded hash and the sign-in time, with a `*.signed_in` audit entry. */
  succeeded: (newHash: string | undefined) => Promise<void>;
  /** Audits a refused sign-in of this account (wrong password or inactive: the entry does not say which). */
  refused: () => Promise<void>;
}

export const WRONG_CREDENTIALS = "The email or password is not correct.";

async function signIn(scope: string, input: LoginRequest, meta: LoginMeta, find: () => Promise<Account | null>): Promise<Principal> {
  const accountKey = `${scope}:${input.email}:${meta.ip}`;
  const emailKey = `${scope}:${input.email}`;
  // Every attempt reserves its place in the three failure counts BEFORE the password is verified (an atomic
  // check-and-count in either store), so a parallel burst cannot all pass one check: at most `limit` attempts
  // are ever verified. The address's count comes first, so a refused address creates no per-email counters.
  const reserved = await reserveAttempt([
    [loginFailuresPerIp(), meta.ip],
    [loginFailuresPerEmail(), emailKey],
    [loginFailuresPerAccount(), accountKey],
  ]);
  const account = await find();
  const hash = account?.passwordHash ?? (await dummyHash());
  const ok = (await verifyPassword(hash, input.password)) && !!account && account.active && account.passwordHash !== null;
  if (!ok) {
    // The reservations stand as the failure. The audit write happens off the response path, so a refusal of an
    // existing account answers after the same awaited work as one of an unknown email (timing says nothing).
    if (account) runInBackground(`audit of a refused sign-in (${scope.split(":")[0]})`, account.refused);
    throw new AppError("unauthorized", WRONG_CREDENTIALS);
  }
  // Success clears the account's and the email's failures and hands the address's reservation back.
  await Promise.all([loginFailuresPerAccount().reset(accountKey), loginFailuresPerEmail().reset(emailKey), reserved[0]!.giveBack()]);
  await account.succeeded(needsRehash(hash) ? await hashPassword(input.password) : undefined);
  return account.principal;
}

export function loginEnterpriseAdmin(input: LoginRequest, meta: LoginMeta): Promise<Principal> {
  const db = enterpriseDb();
  return signIn("enterprise-admin", input, meta, async () => {
    const a = await db.enterpriseAdmin.findUnique({ where: { email: input.email } });
    if (!a) return null;
    return {
      passwordHash: a.passwordHash,
      active: a.isActive,
      principal: { kind: "enterprise-admin", id: a.id, email: a.email, name: a.name },
      succeeded: (newHash) =>
        db.$transaction(async (tx) => {
          await tx.enterpriseAdmin.update({ where: { id: a.id }, data: { lastLoginAt: new Date(), ...(newHash ? { passwordHash: newHash } : {}) } });
          await appendEnterpriseAudit(tx, adminSignIn("enterprise-admin", a.id, "signed_in", meta));
        }),
      refused: async () => void (await appendEnterpriseAudit(db, adminSignIn("enterprise-admin", a.id, "sign_in_failed", meta))),
    };
  });
}

export function loginSuperAdmin(input: LoginRequest, meta: LoginMeta): Promise<Principal> {
  const db = enterpriseDb();
  return signIn("super-admin", input, meta, async () => {
    const a = await db.superAdmin.findUnique({ where: { email: input.email }, include: { modules: { select: { module: { select: { key: true } } } } } });
    if (!a) return null;
    return {
      passwordHash: a.passwordHash,
      active: a.isActive,
      principal: { kind: "super-admin", id: a.id, email: a.email, name: a.name, modules: a.modules.map((m) => m.module.key).sort() },
      succeeded: (newHash) =>
        db.$transaction(async (tx) => {
          await tx.superAdmin.update({ where: { id: a.id }, data: { lastLoginAt: new Date(), ...(newHash ? { passwordHash: newHash } : {}) } });
          await appendEnterpriseAudit(tx, adminSignIn("super-admin", a.id, "signed_in", meta));
        }),
      refused: async () => void (await appendEnterpriseAudit(db, adminSignIn("super-admin", a.id, "sign_in_failed", meta))),
    };
  });
}

/** Enterprise admin first, then super admin: the admin console has one sign-in form for both. */
export async function loginAdmin(input: LoginRequest, meta: LoginMeta): Promise<Principal> {
  const db = enterpriseDb();
  const isEnterprise = (await db.enterpriseAdmin.count({ where: { email: input.email } })) > 0;
  return isEnterprise ? loginEnterpriseAdmin(input, meta) : loginSuperAdmin(input, meta);
}

export function loginClientUser(tenant: TenantRecord, input: LoginRequest, meta: LoginMeta): Promise<Principal> {
  // The tenant DB is leased only for the lookup and the final update, not across the argon2 verification.
  return signIn(`client-user:${tenant.id}`, input, meta, async () => {
    const u = await withTenantDb(tenant, (db) => db.user.findUnique({ where: { email: input.email } }));
    if (!u) return null;
    return {
      passwordHash: u.passwordHash,
      active: u.isActive,
      principal: { kind: "client-user", id: u.id, email: u.email, name: u.name, tenantId: tenant.id, tenantSlug: tenant.slug },
      succeeded: (newHash) =>
        withTenantDb(tenant, (db) =>
          db.$transaction(async (tx) => {
            await tx.user.update({ where: { id: u.id }, data: { lastLoginAt: new Date(), ...(newHash ? { passwordHash: newHash } : {}) } });
            await appendTenantAudit(tx, userSignIn(u.id, "signed_in", meta));
          }),
        ),
      refused: async () => void (await withTenantDb(tenant, (db) => appendTenantAudit(db, userSignIn(u.id, "sign_in_failed", meta)))),
    };
  });
}

type Outcome = "signed_in" | "sign_in_failed";

function adminSignIn(kind: "enterprise-admin" | "super-admin", id: string, outcome: Outcome, meta: LoginMeta) {
  return { actorType: kind, actorId: id, action: `admin.${outcome}`, targetType: kind.replace("-", "_"), targetId: id, ip: meta.ip };
}

function userSignIn(id: string, outcome: Outcome, meta: LoginMeta) {
  return { actorType: "client-user", actorId: id, action: `user.${outcome}`, targetType: "user", targetId: id, ip: meta.ip };
}

export const LOGIN_EXAMPLES = { minimal: { email: "admin@example.com", password: "correct horse battery staple" } };

export const LOGIN_PROBLEMS = {
  401: "wrong email or password (one answer for both)",
  429: "too many failed sign-ins for this email and address (Retry-After)",
} as const;
