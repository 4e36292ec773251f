import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContactCore, updateContactCore } from "@/app/t/[tenant]/contacts/action-cores";
import { contactInput } from "@/app/t/[tenant]/contacts/contact-input";
import { defaultAccountOptions } from "@/app/t/[tenant]/contacts/contact-page";
import { tenantPageScope } from "@/lib/api/pages";
import { issueToken } from "@/lib/auth/tokens";
import { createDefaultAccounts } from "@/lib/modules/ledger/create-default-accounts";
import { withTenantDb } from "@/lib/tenancy/connections";
import type { TenantRecord } from "@/lib/tenancy/types";
import { pageOutcome } from "@/tests/helpers/pages";
import { destroyTenants, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";

// The contact pages' server actions as a browser calls them (session cookie on the tenant's host): the
// form's fields become the service's request (contact-input.ts), empty optional fields are left out of a
// new contact and cleared on an existing one; the pages' gates. Who may call: authz-matrix.test.ts.

let tenant: TenantRecord;
const sessions: Record<"owner" | "viewer" | "plain", string> = { owner: "", viewer: "", plain: "" };
let n = 0;

const h = (session?: string) => {
  const headers = new Headers({ host: `${tenant.slug}.localhost:3000`, origin: `http://${tenant.slug}.localhost:3000`, "x-forwarded-for": `10.9.0.${++n}` });
  if (session) headers.set("cookie", `bisman.session=${session}`);
  return headers;
};
const session = async (u: TestUser) => (await issueToken(u.principal, { use: "session" })).token;
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant } = await makeTenant());
  sessions.owner = await session(await makeUser(tenant, ["Owner"]));
  sessions.viewer = await session(await makeUser(tenant, ["Viewer"]));
  sessions.plain = await session(await makeUser(tenant, []));
});

describe("contact pages", () => {
  it("creates from the form's fields, then edits: empty fields are cleared, unchecked boxes are false", async () => {
    const income = await tenantPageScope(tenant.slug, h(sessions.owner), "contacts:contacts:write", async (ctx) => {
      await createDefaultAccounts(ctx);
      return defaultAccountOptions(ctx);
    });
    expect(income.data.income.map((a) => a.code)).toEqual(["4000"]);
    expect(income.data.expense.map((a) => a.code)).toEqual(["5000", "6000"]);

    const created = await createContactCore(
      h(sessions.owner),
      contactInput(
        form({ name: " Form Co ", email: "", phone: "555", isCustomer: "on", paymentTermsDays: "14", incomeAccountId: income.data.income[0]!.id }),
        false,
      ),
    );
    expect(created.ok && created.data).toMatchObject({ name: "Form Co", email: null, phone: "555", isCustomer: true, isVendor: false, paymentTermsDays: 14 });
    const id = created.ok ? created.data.id : "";

    const edited = await updateContactCore(h(sessions.owner), { id, ...contactInput(form({ name: "Form Co", isVendor: "on", paymentTermsDays: "0" }), true) });
    expect(edited.ok && edited.data).toMatchObject({
      phone: null,
      incomeAccountId: null,
      isCustomer: false,
      isVendor: true,
      paymentTermsDays: 0,
      isActive: false,
    });
    expect(await withTenantDb(tenant, (db) => db.auditLog.count({ where: { targetId: id } }))).toBe(2);
  });

  it("a refusal names the fields; a viewer cannot save", async () => {
    const bad = await createContactCore(h(sessions.owner), contactInput(form({ name: "", paymentTermsDays: "x" }), false));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.errors?.map((e) => e.path).sort()).toEqual(["name", "paymentTermsDays"]);
    const viewer = await createContactCore(h(sessions.viewer), contactInput(form({ name: "V", isCustomer: "on", paymentTermsDays: "1" }), false));
    expect(!viewer.ok && viewer.problem.status).toBe(403);
  });

  it("the pages: a viewer reads the list, a user without contacts:contacts:read gets 404, no session → sign-in", async () => {
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(sessions.viewer), "contacts:contacts:read", async () => null))).toBe("rendered");
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(sessions.viewer), "contacts:contacts:write", async () => null))).toBe("not found");
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(sessions.plain), "contacts:contacts:read", async () => null))).toBe("not found");
    expect(await pageOutcome(tenantPageScope(tenant.slug, h(), "contacts:contacts:read", async () => null))).toBe("redirect /sign-in");
  });
});
