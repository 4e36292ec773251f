import { routeHandlers } from "@/tests/helpers/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { closeAdminPools } from "@/lib/provisioning";
import { connectionFactory } from "@/lib/tenancy/connections";
import { destroyTenants, randomSlug } from "@/tests/factories/tenant";
import { call } from "../helpers/http";
const { POST: create } = routeHandlers("/api/enterprise/clients/create");
const { GET: list } = routeHandlers("/api/enterprise/clients");
const { DELETE: archive, PUT: update } = routeHandlers("/api/enterprise/clients/{id}");

// The enterprise client routes, in-process with real Requests and real tokens.

let admin = "";
let superAdmin = "";
let clientUser = "";

beforeAll(async () => {
  const ea = await enterpriseDb().enterpriseAdmin.create({ data: { email: `ea-${randomSlug()}@x.test`, name: "EA", passwordHash: "x" } });
  admin = (await issueToken({ kind: "enterprise-admin", id: ea.id, email: ea.email, name: ea.name })).token;
  superAdmin = (await issueToken({ kind: "super-admin", id: ea.id, email: "sa@x.test", name: "SA", modules: [] })).token;
  clientUser = (await issueToken({ kind: "client-user", id: ea.id, email: "u@x.test", name: "U", tenantId: ea.id, tenantSlug: "acme" })).token;
});

afterAll(async () => {
  await connectionFactory().closeAll();
  await destroyTenants();
  await closeAdminPools();
});

const body = (slug: string) => ({ name: `Route ${slug}`, slug, adminEmail: `owner@${slug}.test`, adminPassword: "correct horse battery" });

describe("/api/enterprise/clients", () => {
  it("POST create → 201; duplicate → 409; bad slug → 422 problem+json; Idempotency-Key replays", async () => {
    const slug = randomSlug("route");
    const res = await call(create, "/api/enterprise/clients/create", { token: admin, body: body(slug) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slug, status: "ACTIVE", dbName: expect.stringMatching(/^client_[0-9a-f]{32}$/), clientId: expect.any(String) });

    const dup = await call(create, "/api/enterprise/clients/create", { token: admin, body: body(slug) });
    expect(dup.status).toBe(409);
    expect(dup.headers.get("content-type")).toBe("application/problem+json");

    const bad = await call(create, "/api/enterprise/clients/create", { token: admin, body: body("admin") });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(JSON.stringify(bad.body)).not.toMatch(/SELECT|CREATE|postgres/i);

    const idem = randomSlug("idem");
    const headers = { "idempotency-key": `k-${idem}` };
    const first = await call(create, "/api/enterprise/clients/create", { token: admin, body: body(idem), headers });
    const second = await call(create, "/api/enterprise/clients/create", { token: admin, body: body(idem), headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const other = await call(create, "/api/enterprise/clients/create", { token: admin, body: { ...body(idem), name: "Changed" }, headers });
    expect(other.status).toBe(422);
    expect(await enterpriseDb().client.count({ where: { slug: idem } })).toBe(1);
  });

  it("refuses anonymous (401) and other kinds of principal (403)", async () => {
    const slug = randomSlug("authz");
    expect((await call(create, "/api/enterprise/clients/create", { body: body(slug) })).status).toBe(401);
    expect((await call(create, "/api/enterprise/clients/create", { token: superAdmin, body: body(slug) })).status).toBe(403);
    expect((await call(create, "/api/enterprise/clients/create", { token: clientUser, body: body(slug) })).status).toBe(403);
    expect((await call(list, "/api/enterprise/clients", { token: superAdmin })).status).toBe(403);
    expect(
      (
        await call(update, "/api/enterprise/clients/x", {
          method: "PUT",
          token: clientUser,
          body: { name: "X" },
          params: { id: "00000000-0000-4000-8000-000000000000" },
        })
      ).status,
    ).toBe(403);
    expect(await enterpriseDb().client.count({ where: { slug } })).toBe(0);
  });

  it("GET lists with a cursor; PUT updates and suspends; DELETE archives", async () => {
    const slug = randomSlug("life");
    const made = await call(create, "/api/enterprise/clients/create", { token: admin, body: body(slug) });
    const id = made.body.clientId as string;

    const page1 = await call(list, "/api/enterprise/clients", { token: admin, query: { limit: "1" } });
    expect(page1.status).toBe(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0]).not.toHaveProperty("encryptedUri");
    const page2 = await call(list, "/api/enterprise/clients", { token: admin, query: { limit: "1", cursor: page1.body.nextCursor } });
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect((await call(list, "/api/enterprise/clients", { token: admin, query: { limit: "1000" } })).status).toBe(422);

    const put = await call(update, `/api/enterprise/clients/${id}`, {
      method: "PUT",
      token: admin,
      body: { name: "Renamed", status: "SUSPENDED" },
      params: { id },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, name: "Renamed", status: "SUSPENDED" });
    expect((await call(update, `/api/enterprise/clients/${id}`, { method: "PUT", token: admin, body: { status: "FAILED" }, params: { id } })).status).toBe(422);
    expect((await call(update, "/api/enterprise/clients/nope", { method: "PUT", token: admin, body: { name: "X" }, params: { id: "nope" } })).status).toBe(404);

    const del = await call(archive, `/api/enterprise/clients/${id}`, { method: "DELETE", token: admin, params: { id } });
    expect(del.status).toBe(200);
    expect(del.body.status).toBe("ARCHIVED");
    const missing = "00000000-0000-4000-8000-00000000f00d";
    expect((await call(archive, `/api/enterprise/clients/${missing}`, { method: "DELETE", token: admin, params: { id: missing } })).status).toBe(404);
  });
});
