import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveClientCore, createClientCore, issueSetupLinkCore, setClientStatusCore } from "@/app/admin/clients/action-cores";
import { issueToken, verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import { withTenantDb } from "@/lib/tenancy/connections";
import { getTenant } from "@/lib/tenancy/registry";
import { randomSlug } from "@/tests/factories/tenant";
import { destroyTenants, makeEnterpriseAdminToken } from "@/tests/helpers/tenants";

// The admin console's server actions (app/admin/clients), through their cores as
// the browser's server action calls them: an enterprise admin's session cookie on
// the apex. Who may call them: tests/integration/authz-matrix.test.ts.

let session: string;
let n = 0;
const h = () =>
  new Headers({ host: "localhost:3000", origin: "http://localhost:3000", cookie: `bisman.session=${session}`, "x-forwarded-for": `10.9.0.${++n}` });

beforeAll(async () => {
  session = (await issueToken(await verifyToken(await makeEnterpriseAdminToken()), { use: "session" })).token;
});
afterAll(() => destroyTenants());

async function created(slug: string) {
  const r = await createClientCore(h(), {
    idempotencyKey: randomUUID(),
    client: { name: `Console ${slug}`, slug, adminEmail: `first@${slug}.test`, adminPassword: "console-password-123" },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.data;
}

describe("create client action", () => {
  it("a double submit with the form's key provisions one tenant; without a password the answer carries the setup link", async () => {
    const slug = randomSlug("c");
    const input = { idempotencyKey: randomUUID(), client: { name: "Double Submit Ltd", slug, segment: "retail", adminEmail: `First@${slug}.test` } };
    const [a, b] = await Promise.all([createClientCore(h(), input), createClientCore(h(), input)]);
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.data.clientId).toBe(b.data.clientId);
    expect([a.data.replayed, b.data.replayed].sort()).toEqual([false, true]);
    expect(a.data.setupLink).toMatch(new RegExp(`^http://${slug}\\.localhost:\\d+/setup\\?token=`));
    expect(await enterpriseDb().client.count({ where: { slug } })).toBe(1);
    const row = await enterpriseDb().client.findUniqueOrThrow({ where: { slug }, select: { status: true, segment: true } });
    expect(row).toEqual({ status: "ACTIVE", segment: "retail" });
  });

  it("answers the service's field errors: 422 for a bad email or slug, 409 for a taken slug", async () => {
    const bad = await createClientCore(h(), { idempotencyKey: randomUUID(), client: { name: "Bad Email", adminEmail: "nope" } });
    expect(bad.ok ? null : { status: bad.problem.status, paths: bad.problem.errors?.map((e) => e.path) }).toEqual({ status: 422, paths: ["adminEmail"] });
    const reserved = await createClientCore(h(), { idempotencyKey: randomUUID(), client: { name: "Admin", slug: "admin", adminEmail: "a@b.test" } });
    expect(reserved.ok ? null : { status: reserved.problem.status, paths: reserved.problem.errors?.map((e) => e.path) }).toEqual({
      status: 422,
      paths: ["slug"],
    });

    const taken = await created(randomSlug("c"));
    const again = await createClientCore(h(), {
      idempotencyKey: randomUUID(),
      client: { name: "Someone Else", slug: taken.slug, adminEmail: `x@${taken.slug}.test` },
    });
    expect(again.ok ? null : { status: again.problem.status, paths: again.problem.errors?.map((e) => e.path) }).toEqual({ status: 409, paths: ["slug"] });
  });

  it("refuses fields the service does not know (the form cannot smuggle a shard or modules it did not show)", async () => {
    const r = await createClientCore(h(), { idempotencyKey: randomUUID(), client: { name: "Smuggler Ltd", adminEmail: "a@smuggler.test", encryptedUri: "x" } });
    expect(r.ok ? 200 : r.problem.status).toBe(422);
  });
});

describe("suspend, resume and archive actions", () => {
  it("suspend refuses the tenant at once and resume lets it in again", async () => {
    const c = await created(randomSlug("c"));
    const s = await setClientStatusCore(h(), { id: c.clientId, status: "SUSPENDED" });
    expect(s).toEqual({ ok: true, data: { id: c.clientId, status: "SUSPENDED" } });
    const tenant = (await getTenant(c.clientId))!;
    expect(tenant.status).toBe("SUSPENDED");
    await expect(withTenantDb(tenant, async () => 1)).rejects.toMatchObject({ status: 423 });

    const r = await setClientStatusCore(h(), { id: c.clientId, status: "ACTIVE" });
    expect(r).toEqual({ ok: true, data: { id: c.clientId, status: "ACTIVE" } });
    expect(await withTenantDb((await getTenant(c.clientId))!, async () => 1)).toBe(1);
  });

  it("archive needs the slug typed; then the client is ARCHIVED and can no longer be resumed", async () => {
    const c = await created(randomSlug("c"));
    const wrong = await archiveClientCore(h(), { id: c.clientId, confirmSlug: `${c.slug}x` });
    expect(wrong.ok ? null : { status: wrong.problem.status, paths: wrong.problem.errors?.map((e) => e.path) }).toEqual({
      status: 422,
      paths: ["confirmSlug"],
    });
    expect((await enterpriseDb().client.findUniqueOrThrow({ where: { id: c.clientId } })).status).toBe("ACTIVE");

    const ok = await archiveClientCore(h(), { id: c.clientId, confirmSlug: c.slug });
    expect(ok).toEqual({ ok: true, data: { id: c.clientId, status: "ARCHIVED" } });
    const resume = await setClientStatusCore(h(), { id: c.clientId, status: "ACTIVE" });
    expect(resume.ok ? 200 : resume.problem.status).toBe(409);
  });

  it("an unknown client is 404 for every action", async () => {
    const id = randomUUID();
    for (const r of [
      await setClientStatusCore(h(), { id, status: "SUSPENDED" }),
      await archiveClientCore(h(), { id, confirmSlug: "whatever" }),
      await issueSetupLinkCore(h(), { id }),
    ]) {
      expect(r.ok ? 200 : r.problem.status).toBe(404);
    }
  });
});

describe("setup link action", () => {
  it("issues a new link for an owner without a password, and explains why there is none once the password is set", async () => {
    const slug = randomSlug("c");
    const r = await createClientCore(h(), { idempotencyKey: randomUUID(), client: { name: `Relink ${slug}`, slug, adminEmail: `first@${slug}.test` } });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    const link = await issueSetupLinkCore(h(), { id: r.data.clientId });
    expect(link.ok ? { email: link.data.email, path: new URL(link.data.setupLink).pathname } : link.problem).toEqual({
      email: `first@${slug}.test`,
      path: "/setup",
    });

    const withPassword = await created(randomSlug("c"));
    const none = await issueSetupLinkCore(h(), { id: withPassword.clientId });
    expect(none.ok ? null : { status: none.problem.status, detail: none.problem.detail }).toEqual({
      status: 409,
      detail: "Every owner of this client has already set a password.",
    });
  });
});
