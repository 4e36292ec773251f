import { routeHandlers } from "@/tests/helpers/api";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hash } from "@node-rs/argon2";
import { ARGON2_PARAMS, hashPassword, needsRehash } from "@/lib/auth/password";
import { verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { call } from "@/tests/helpers/http";
const { POST: enterpriseLogin } = routeHandlers("/api/enterprise/auth/login");
const { POST: superAdminLogin } = routeHandlers("/api/super-admin/auth/login");

const password = "correct horse battery staple";
let adminEmail: string;
let superEmail: string;

beforeAll(async () => {
  const db = enterpriseDb();
  const hash = await hashPassword(password);
  adminEmail = `admin-${randomUUID()}@e.test`;
  superEmail = `super-${randomUUID()}@e.test`;
  await db.enterpriseAdmin.create({ data: { email: adminEmail, name: "Ada Admin", passwordHash: hash } });
  const core = await db.module.findUniqueOrThrow({ where: { key: "core" } });
  await db.superAdmin.create({ data: { email: superEmail, name: "Sam Super", passwordHash: hash, modules: { create: [{ moduleId: core.id }] } } });
});

describe("POST /api/enterprise/auth/login", () => {
  it("answers a token for the right password", async () => {
    const r = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: adminEmail.toUpperCase(), password } });
    expect(r.status).toBe(200);
    expect(Object.keys(r.body).sort()).toEqual(["expiresAt", "token"]);
    const p = await verifyToken(r.body.token);
    expect(p).toMatchObject({ kind: "enterprise-admin", email: adminEmail, name: "Ada Admin" });
    expect(new Date(r.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
  });

  it("answers the same 401 for a wrong password and an unknown email", async () => {
    const wrong = await call(enterpriseLogin, "/api/enterprise/auth/login", {
      body: { email: adminEmail, password: "nope" },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    const unknown = await call(enterpriseLogin, "/api/enterprise/auth/login", {
      body: { email: `x-${randomUUID()}@e.test`, password: "nope" },
      headers: { "x-forwarded-for": "10.0.0.1" },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get("content-type")).toBe("application/problem+json");
  });

  it("a super admin cannot sign in at the enterprise endpoint", async () => {
    const r = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: superEmail, password }, headers: { "x-forwarded-for": "10.0.0.2" } });
    expect(r.status).toBe(401);
  });

  it("refuses after repeated failures per email+IP, even with the right password, but not from another IP", async () => {
    const headers = { "x-forwarded-for": "10.9.9.9" };
    for (let i = 0; i < 5; i++)
      expect((await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: adminEmail, password: "bad" }, headers })).status).toBe(401);
    const refused = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: adminEmail, password }, headers });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    const elsewhere = await call(enterpriseLogin, "/api/enterprise/auth/login", {
      body: { email: adminEmail, password },
      headers: { "x-forwarded-for": "10.9.9.10" },
    });
    expect(elsewhere.status).toBe(200);
  });

  it("validates the body: 415 without JSON, 422 with field errors, 413 when too large", async () => {
    expect(
      (await call(enterpriseLogin, "/api/enterprise/auth/login", { body: "email=a", headers: { "content-type": "application/x-www-form-urlencoded" } })).status,
    ).toBe(415);
    const bad = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: "not-an-email" } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "password"]);
    expect((await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: adminEmail, password: "x".repeat(100_000) } })).status).toBe(413);
  });

  it("refuses a cross-origin POST", async () => {
    const r = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email: adminEmail, password }, headers: { origin: "http://evil.test" } });
    expect(r.status).toBe(403);
  });
});

describe("POST /api/super-admin/auth/login", () => {
  it("answers a token carrying the super admin's modules", async () => {
    const r = await call(superAdminLogin, "/api/super-admin/auth/login", { body: { email: superEmail, password } });
    expect(r.status).toBe(200);
    expect(await verifyToken(r.body.token)).toMatchObject({ kind: "super-admin", modules: ["core"] });
  });

  it("an enterprise admin cannot sign in here", async () => {
    expect(
      (await call(superAdminLogin, "/api/super-admin/auth/login", { body: { email: adminEmail, password }, headers: { "x-forwarded-for": "10.0.0.3" } }))
        .status,
    ).toBe(401);
  });
});

describe("password hashes and limits", () => {
  it("a hash with old parameters is upgraded at the next sign-in", async () => {
    const db = enterpriseDb();
    const email = `old-${randomUUID()}@e.test`;
    const old = await hash(password, { ...ARGON2_PARAMS, timeCost: 1 });
    expect(needsRehash(old)).toBe(true);
    await db.enterpriseAdmin.create({ data: { email, name: "Old Hash", passwordHash: old } });
    expect((await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email, password } })).status).toBe(200);
    const after = await db.enterpriseAdmin.findUniqueOrThrow({ where: { email } });
    expect(after.passwordHash).not.toBe(old);
    expect(needsRehash(after.passwordHash)).toBe(false);
    expect(after.lastLoginAt).not.toBeNull();
  });

  it("guessing one account from rotating addresses is refused after 20 failures", async () => {
    const email = `target-${randomUUID()}@e.test`;
    await enterpriseDb().enterpriseAdmin.create({ data: { email, name: "Target", passwordHash: await hashPassword(password) } });
    for (let i = 0; i < 20; i++) {
      const r = await call(enterpriseLogin, "/api/enterprise/auth/login", {
        body: { email, password: `guess-${i}` },
        headers: { "x-forwarded-for": `172.16.${i}.1` },
      });
      expect(r.status).toBe(401);
    }
    const r = await call(enterpriseLogin, "/api/enterprise/auth/login", { body: { email, password }, headers: { "x-forwarded-for": "172.17.0.1" } });
    expect(r.status).toBe(429);
  });

  it("a spoofed leftmost X-Forwarded-For entry does not change the address counted", async () => {
    const email = `spoof-${randomUUID()}@e.test`;
    for (let i = 0; i < 5; i++) {
      await call(enterpriseLogin, "/api/enterprise/auth/login", {
        body: { email, password: "nope" },
        headers: { "x-forwarded-for": `203.0.113.${i}, 10.50.0.1` },
      });
    }
    const r = await call(enterpriseLogin, "/api/enterprise/auth/login", {
      body: { email, password: "nope" },
      headers: { "x-forwarded-for": "198.51.100.7, 10.50.0.1" },
    });
    expect(r.status).toBe(429);
  });
});
