import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { call } from "@/tests/helpers/http";
import { destroyTenants, makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";
const { PATCH: updateUser } = routeHandlers("/api/client/users/{id}");
const { POST: setUserRoles } = routeHandlers("/api/client/users/{id}/roles");
const { POST: passwordLink } = routeHandlers("/api/client/users/{id}/password-link");

// Finding 5 (issue 10): a user manager without the Owner's permissions renamed the
// Owner (200) though deactivating them was refused. Every change of another user
// (rename, activation, roles, password link) now takes every permission that user
// holds (assertMayActOn): 403, and nothing changes.

let tenant: TenantRecord;
let owner: TestUser;
let manager: TestUser;
let peer: TestUser;
let managerRoleId: string;

beforeAll(async () => {
  ({ tenant } = await makeTenant());
  managerRoleId = await withTenantDb(
    tenant,
    async (db) =>
      (
        await db.role.create({
          data: {
            name: "User Manager",
            permissions: { create: ["core:users:read", "core:users:write", "core:roles:read"].map((permission) => ({ permission })) },
          },
        })
      ).id,
  );
  owner = await makeUser(tenant, ["Owner"], "Olga Owner");
  manager = await makeUser(tenant, ["User Manager"], "Manny Manager");
  peer = await makeUser(tenant, ["User Manager"], "Pat Peer");
});
afterAll(() => destroyTenants());

const asManager = (id: string) => ({ token: manager.token, headers: tenantHeaders(tenant), params: { id } });
const nameOf = (id: string) => withTenantDb(tenant, async (db) => (await db.user.findUniqueOrThrow({ where: { id } })).name);

describe("finding 5: a weaker user cannot change a stronger one", () => {
  it("renaming the Owner is refused (403) and the name stays", async () => {
    const r = await call(updateUser, `/api/client/users/${owner.principal.id}`, { ...asManager(owner.principal.id), method: "PATCH", body: { name: "Pwned" } });
    expect(r.status).toBe(403);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(await nameOf(owner.principal.id)).toBe("Olga Owner");
  });

  it("changing the Owner's roles is refused (403), even adding a role the manager holds", async () => {
    const r = await call(setUserRoles, `/x`, { ...asManager(owner.principal.id), body: { roles: [...(await ownerRoles()), managerRoleId] } });
    expect(r.status).toBe(403);
    expect(await ownerRoles()).not.toContain(managerRoleId);
  });

  it("deactivating or issuing a password link for the Owner stays refused (403)", async () => {
    expect((await call(updateUser, "/x", { ...asManager(owner.principal.id), method: "PATCH", body: { isActive: false } })).status).toBe(403);
    expect((await call(passwordLink, "/x", { ...asManager(owner.principal.id), method: "POST" })).status).toBe(403);
  });

  it("an equal or weaker user, and oneself, can still be renamed", async () => {
    expect((await call(updateUser, "/x", { ...asManager(peer.principal.id), method: "PATCH", body: { name: "Pat Renamed" } })).status).toBe(200);
    expect((await call(updateUser, "/x", { ...asManager(manager.principal.id), method: "PATCH", body: { name: "Manny Renamed" } })).status).toBe(200);
    expect(await nameOf(peer.principal.id)).toBe("Pat Renamed");
  });
});

function ownerRoles(): Promise<string[]> {
  return withTenantDb(tenant, async (db) => (await db.userRole.findMany({ where: { userId: owner.principal.id } })).map((r) => r.roleId));
}
