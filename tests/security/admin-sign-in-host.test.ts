import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { backgroundSettled } from "@/lib/auth/background";
import { loginAdmin } from "@/lib/auth/login";
import { hashPassword } from "@/lib/auth/password";
import { ADMIN_SIGN_IN_ELSEWHERE, adminSignInRefusal, isTenantRequest } from "@/lib/auth/admin-host";
import { enterpriseDb } from "@/lib/db/enterprise";

// Finding 6 (issue 10): the admin console's sign-in server action, posted to a
// tenant's host (`<tenant>.localhost/sign-in`: Next runs any action on any page),
// checked the password and wrote `admin.signed_in`. The action now refuses on a
// tenant host before anything is checked or audited. The sign-in it guards is the
// real one (loginAdmin: password check and audit entry), so "nothing audited"
// proves it did not run.

const password = "correct horse battery staple";
let email: string;
let adminId: string;
beforeAll(async () => {
  email = `host-${randomUUID()}@e.test`;
  adminId = (await enterpriseDb().enterpriseAdmin.create({ data: { email, name: "Host Admin", passwordHash: await hashPassword(password) } })).id;
});

const audited = async () => {
  await backgroundSettled();
  return (await enterpriseDb().auditLog.findMany({ where: { actorId: adminId }, select: { action: true } })).map((r) => r.action);
};
// What app/admin/sign-in/actions.ts does: the refusal, else the sign-in (there through next-auth's signIn).
const signIn = async (headers: Record<string, string>, pw = password) =>
  adminSignInRefusal(new Headers(headers), email) ??
  (await loginAdmin({ email, password: pw }, { ip: "10.6.0.1" }).then(
    () => ({ redirectTo: "/admin" }),
    () => ({ error: "refused" }),
  ));

describe("finding 6: the admin sign-in action on a tenant's host", () => {
  it("is refused on a tenant host, with the right or a wrong password, and nothing is checked or audited", async () => {
    expect(await signIn({ host: "acme.localhost:3000" })).toEqual({ error: ADMIN_SIGN_IN_ELSEWHERE, email });
    expect(await signIn({ host: "acme.localhost:3000" }, "wrong")).toEqual({ error: ADMIN_SIGN_IN_ELSEWHERE, email });
    // Rewritten by the edge to the tenant app, or forwarded for a tenant host: the same.
    expect(await signIn({ host: "localhost:3000", "x-bisman-tenant": "acme" })).toMatchObject({ error: ADMIN_SIGN_IN_ELSEWHERE });
    expect(await signIn({ host: "localhost:3000", "x-forwarded-host": "acme.localhost:3000" })).toMatchObject({ error: ADMIN_SIGN_IN_ELSEWHERE });
    expect(await audited()).toEqual([]);
  });

  it("signs in on the apex as before", async () => {
    expect(await signIn({ host: "localhost:3000" })).toEqual({ redirectTo: "/admin" });
    expect(await audited()).toEqual(["admin.signed_in"]);
  });

  it("isTenantRequest reads the host the way the tenant resolver does", () => {
    expect(isTenantRequest(new Headers({ host: "localhost:3000" }))).toBe(false);
    expect(isTenantRequest(new Headers({ host: "127.0.0.1:3000" }))).toBe(false);
    expect(isTenantRequest(new Headers({ host: "ACME.localhost" }))).toBe(true);
  });
});
