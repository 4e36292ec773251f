import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TenantRecord } from "@/lib/tenancy/types";
import { withTenantDb } from "@/lib/tenancy/connections";
import { issueToken, verifyToken } from "@/lib/auth/tokens";
import { enterpriseDb } from "@/lib/db/enterprise";
import type { ActionResult } from "@/lib/api/action";
import { randomUUID } from "node:crypto";
import { allOperations } from "@/lib/api/operations";
import { kindsOf, type Operation } from "@/lib/http/operation";
import { serveAs } from "@/tests/helpers/api";
import { registerModule } from "@/lib/modules/registry";
import { ensureModuleCatalogue } from "@/lib/runtime/bootstrap";
import { example } from "@/tests/modules/example/module";
import { call, type Handler } from "@/tests/helpers/http";
import { destroyTenants, makeEnterpriseAdminToken, makeSuperAdminToken, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";

// The authorization matrix: every operation the API serves (lib/api/operations:
// the control plane's and every registered module's) × {own-tenant user with
// the permission, own-tenant user without it, another tenant's user, anonymous,
// enterprise admin, super admin}. Who may call an operation is derived from its
// declaration (auth, permission); what a permitted call should answer, and with
// which ids, comes from FIXTURES below. An operation without a fixture still gets
// its row (random ids, an empty body), so a new module is covered without
// touching this file (tests/modules/example proves it).
//
// "pass" means authorization let the request through: any status but
// 401/403/404/5xx (the cases send a body the schema refuses, so a pass answers
// 422 or 200 and changes nothing). For routes with an object id, a user of
// another tenant, on their own tenant, naming this tenant's object → 404.

type Actor = "ownWith" | "ownWithout" | "otherTenant" | "anonymous" | "enterpriseAdmin" | "superAdmin";
type Expect = number | "pass";
const ACTORS: Actor[] = ["ownWith", "ownWithout", "otherTenant", "anonymous", "enterpriseAdmin", "superAdmin"];

interface World {
  a: TenantRecord;
  b: TenantRecord;
  ownerA: TestUser;
  plainA: TestUser;
  ownerB: TestUser;
  enterpriseAdmin: string;
  superAdmin: string;
  /** The super admin's id; tenant A is assigned to them. */
  superAdminId: string;
  userIdA: string;
  roleIdA: string;
  /** A VOID journal entry of tenant A: posting or voiding it again answers 409 and changes nothing. */
  entryIdA: string;
  /** An account of tenant A. */
  accountIdA: string;
  /** A contact (customer) of tenant A. */
  contactIdA: string;
  /** A VOID sales invoice of tenant A: issuing, deleting or crediting it answers 409 and changes nothing. */
  invoiceIdA: string;
}

interface Fixture {
  /** Values for the path's {placeholders}; default: a random UUID each (a pass may then answer 404). */
  params?: (w: World) => Record<string, string>;
  body?: unknown;
  /** What the permitted actors get (default "pass"). */
  pass?: Expect;
  /** Answers that differ from what the declaration implies. */
  expect?: Partial<Record<Actor, Expect>>;
  /** Params naming tenant A's objects, used by tenant B's owner on B: must answer 404. */
  foreignObject?: (w: World) => Record<string, string>;
}

const NO_SUCH_CLIENT = "00000000-0000-4000-8000-000000000000";
const noSuchClient = () => ({ id: NO_SUCH_CLIENT });
const clientA = (w: World) => ({ id: w.a.id });
const userA = (w: World) => ({ id: w.userIdA });
const roleA = (w: World) => ({ id: w.roleIdA });
const entryA = (w: World) => ({ id: w.entryIdA });
const accountA = (w: World) => ({ id: w.accountIdA });
const contactA = (w: World) => ({ id: w.contactIdA });
const invoiceA = (w: World) => ({ id: w.invoiceIdA });
// Public sign-in: everyone reaches validation (422); the answer never depends on who asks.
const login: Fixture = { body: { email: "not-an-email" }, pass: 422 };

const FIXTURES: Record<string, Fixture> = {
  // Enterprise control plane: enterprise admins only.
  listClients: { pass: 200 },
  createClient: { body: {}, pass: 422 },
  updateClient: { params: noSuchClient, body: {}, pass: 422 },
  archiveClient: { params: noSuchClient, pass: 404 },
  reissueSetupLink: { params: noSuchClient, pass: 404 },
  listEnterpriseAudit: { pass: 200 },
  verifyEnterpriseAudit: { pass: 200 },
  listShards: { pass: 200 },
  registerShard: { body: {}, pass: 422 },
  updateShard: { params: noSuchClient, body: { capacity: 1 }, pass: 404 },
  listSuperAdmins: { pass: 200 },
  createSuperAdmin: { body: {}, pass: 422 },
  updateSuperAdmin: { params: noSuchClient, body: {}, pass: 422 },
  // The catalogue: enterprise admins and super admins (who assign modules).
  listModules: { pass: 200 },
  // Super admins only, and only for clients assigned to them (tenant A here; others → 404 in super-admin-routes.test.ts).
  listAssignedClients: { pass: 200 },
  assignModule: { params: clientA, body: {}, pass: 422 },
  // Tenant A's first owner never set a password: its assigned super admin gets a link (behaviour: super-admin-routes.test.ts).
  reissueAssignedSetupLink: { params: clientA, pass: 201 },
  listAssignedClientUsers: { params: clientA, pass: 200 },
  // Public.
  health: { pass: 200 },
  openApiDocument: { pass: 200 },
  // No principal at all: only METRICS_TOKEN opens it (tests/integration/metrics.test.ts); a JWT of any kind is refused.
  metrics: { expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 } },
  enterpriseLogin: login,
  superAdminLogin: login,
  clientLogin: login,
  // Core: users, roles, audit.
  listUsers: { pass: 200 },
  createUser: { body: {}, pass: 422 },
  // An empty change: the pass answers 200 and changes nothing.
  updateUser: { params: userA, body: {}, pass: 200, foreignObject: userA },
  issuePasswordLink: { params: userA, pass: 201, foreignObject: userA },
  setUserRoles: { params: userA, body: { roles: "x" }, pass: 422, foreignObject: userA },
  listRoles: { pass: 200 },
  createRole: { body: {}, pass: 422 },
  setRolePermissions: { params: roleA, body: { permissions: "x" }, pass: 422, foreignObject: roleA },
  listTenantAudit: { pass: 200 },
  verifyTenantAudit: { pass: 200 },
  // General ledger (tests/integration/ledger.test.ts has the behaviour).
  listAccounts: { pass: 200 },
  createAccount: { body: {}, pass: 422 },
  updateAccount: { params: accountA, body: { name: "" }, pass: 422, foreignObject: accountA },
  // Idempotent: tenant A already has accounts, so the pass answers 200 and creates nothing.
  createDefaultAccounts: { pass: 200 },
  listEntries: { pass: 200 },
  createEntry: { body: {}, pass: 422 },
  getEntry: { params: entryA, pass: 200, foreignObject: entryA },
  // The entry is VOID: editing, deleting, reversing, posting or voiding it answers 409 and changes nothing.
  updateEntry: { params: entryA, body: {}, pass: 409, foreignObject: entryA },
  deleteEntry: { params: entryA, pass: 409, foreignObject: entryA },
  reverseEntry: { params: entryA, body: {}, pass: 409, foreignObject: entryA },
  postEntry: { params: entryA, pass: 409, foreignObject: entryA },
  voidEntry: { params: entryA, pass: 409, foreignObject: entryA },
  trialBalance: { pass: 200 },
  incomeStatement: { pass: 200 },
  balanceSheet: { pass: 200 },
  // Contacts (tests/integration/contacts.test.ts has the behaviour). Operations with a body need a fixture:
  // without one the request has no JSON body and answers 415 before the permission is checked.
  listContacts: { pass: 200 },
  exportContacts: { pass: 200 },
  createContact: { body: {}, pass: 422 },
  getContact: { params: contactA, pass: 200, foreignObject: contactA },
  // An empty change: the pass answers 200 and changes nothing.
  updateContact: { params: contactA, body: {}, pass: 200, foreignObject: contactA },
  // Catalogue (tests/integration/catalogue.test.ts): invalid bodies → 422; random ids → 404.
  listTaxes: { pass: 200 },
  createTax: { body: {}, pass: 422 },
  updateTax: { body: { name: "" }, pass: 422 },
  listProducts: { pass: 200 },
  createProduct: { body: {}, pass: 422 },
  updateProduct: { body: { name: "" }, pass: 422 },
  // Sales (tests/integration/sales-invoices.test.ts). The invoice is VOID: only an empty edit passes (200, nothing changes).
  listInvoices: { pass: 200 },
  createInvoice: { body: {}, pass: 422 },
  getInvoice: { params: invoiceA, pass: 200, foreignObject: invoiceA },
  updateInvoice: { params: invoiceA, body: {}, pass: 200, foreignObject: invoiceA },
  deleteInvoice: { params: invoiceA, pass: 409, foreignObject: invoiceA },
  issueInvoice: { params: invoiceA, pass: 409, foreignObject: invoiceA },
  creditInvoice: { params: invoiceA, body: {}, pass: 409, foreignObject: invoiceA },
  getSalesSettings: { pass: 200 },
  setSalesSettings: { body: {}, pass: 422 },
  // Purchases (tests/integration/purchase-bills.test.ts): the sales invoice is no bill, so by id → 404 even when permitted.
  listBills: { pass: 200 },
  createBill: { body: {}, pass: 422 },
  getBill: { params: invoiceA, pass: 404 },
  updateBill: { params: invoiceA, body: { notes: "x" }, pass: 404 },
  deleteBill: { params: invoiceA, pass: 404 },
  issueBill: { params: invoiceA, pass: 404 },
  creditBill: { params: invoiceA, body: {}, pass: 404 },
  getPurchaseSettings: { pass: 200 },
  setPurchaseSettings: { body: {}, pass: 422 },
  // Payments (tests/integration/payments.test.ts).
  listPayments: { pass: 200 },
  recordPayment: { body: {}, pass: 422 },
  // Receivables and payables reports (tests/integration/ageing.test.ts).
  receivablesAgeing: { pass: 200 },
  payablesAgeing: { pass: 200 },
  customerStatement: { params: contactA, pass: 200, foreignObject: contactA },
};

/** Who the declaration lets through: the permitted actors get `pass`, the others 401 (no token) or 403. */
function expected(op: Operation, f: Fixture): Record<Actor, Expect> {
  const pass = f.pass ?? "pass";
  const kinds = kindsOf(op.auth);
  const allowed = (a: Actor): boolean => {
    if (kinds === "public") return true;
    if (a === "anonymous") return false;
    if (a === "enterpriseAdmin") return kinds.includes("enterprise-admin");
    if (a === "superAdmin") return kinds.includes("super-admin");
    // Tenant users: tenant B's owner names tenant A (403), and only holders of the permission pass.
    if (!kinds.includes("client-user") || a === "otherTenant") return false;
    return a === "ownWith" || !op.permission;
  };
  const out = {} as Record<Actor, Expect>;
  for (const a of ACTORS) out[a] = allowed(a) ? pass : a === "anonymous" ? 401 : 403;
  return { ...out, ...f.expect };
}

/** The path with its placeholders filled. */
function fill(op: Operation, params: Record<string, string>): string {
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? randomUUID()));
}

// The test suite's example module has no fixture: registered like a real one, it gets its row.
registerModule(example);

let w: World;

afterAll(() => destroyTenants());

beforeAll(async () => {
  await ensureModuleCatalogue(enterpriseDb());
  const { tenant: a } = await makeTenant();
  const { tenant: b } = await makeTenant();
  const ownerA = await makeUser(a, ["Owner"]);
  const plainA = await makeUser(a, []);
  const ownerB = await makeUser(b, ["Owner"]);
  const roleIdA = await withTenantDb(a, async (db) => (await db.role.findFirstOrThrow({ where: { name: "Viewer" } })).id);
  const { entryIdA, accountIdA } = await withTenantDb(a, async (db) => {
    const cash = await db.account.create({ data: { code: "1000", name: "Cash", type: "ASSET" } });
    const sales = await db.account.create({ data: { code: "4000", name: "Sales", type: "REVENUE" } });
    const lines = {
      create: [
        { accountId: cash.id, debit: "1" },
        { accountId: sales.id, credit: "1" },
      ],
    };
    return {
      entryIdA: (await db.journalEntry.create({ data: { date: new Date("2026-01-01T00:00:00Z"), description: "voided", status: "VOID", lines } })).id,
      accountIdA: cash.id,
    };
  });
  const { contactIdA, invoiceIdA } = await withTenantDb(a, async (db) => {
    const contact = await db.contact.create({ data: { name: "Customer A", isCustomer: true } });
    const invoice = await db.invoice.create({
      data: {
        direction: "SALE",
        status: "VOID",
        number: "INV-2026-9999",
        contactId: contact.id,
        date: new Date("2026-01-01T00:00:00Z"),
        dueDate: new Date("2026-01-31T00:00:00Z"),
        journalEntryId: entryIdA,
        controlAccountId: accountIdA,
      },
    });
    return { contactIdA: contact.id, invoiceIdA: invoice.id };
  });
  const superAdmin = await makeSuperAdminToken();
  const superAdminId = (await verifyToken(superAdmin)).id;
  await enterpriseDb().clientAssignment.create({ data: { superAdminId, clientId: a.id } });
  w = {
    a,
    b,
    ownerA,
    plainA,
    ownerB,
    enterpriseAdmin: await makeEnterpriseAdminToken(),
    superAdmin,
    superAdminId,
    userIdA: plainA.principal.id,
    roleIdA,
    entryIdA,
    accountIdA,
    contactIdA,
    invoiceIdA,
  };
});

function tokenOf(actor: Actor): string | undefined {
  return {
    ownWith: w.ownerA.token,
    ownWithout: w.plainA.token,
    otherTenant: w.ownerB.token,
    anonymous: undefined,
    enterpriseAdmin: w.enterpriseAdmin,
    superAdmin: w.superAdmin,
  }[actor];
}

function matches(status: number, e: Expect): boolean {
  return e === "pass" ? ![401, 403, 404].includes(status) && status < 500 : status === e;
}

describe("authorization matrix", () => {
  const operations = allOperations();

  it("covers every operation, and every fixture names one", () => {
    expect(operations.length).toBeGreaterThan(40); // guards against a vacuous pass (nothing registered)
    expect(operations.map((o) => o.operationId)).toContain("exampleGreeting");
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size, "operationIds are unique").toBe(ids.length);
    expect(
      Object.keys(FIXTURES).filter((id) => !ids.includes(id)),
      "fixtures for operations that no longer exist",
    ).toEqual([]);
  });

  it.each(operations.map((op) => ({ id: `${op.method} ${op.path}`, op })))("$id", async ({ op }) => {
    const f = FIXTURES[op.operationId] ?? {};
    const want = expected(op, f);
    const path = fill(op, f.params?.(w) ?? {});
    const seen: Record<string, number> = {};
    for (const actor of ACTORS) {
      const r = await call(handlerFor(op), path, {
        method: op.method,
        token: tokenOf(actor),
        host: `${w.a.slug}.localhost:3000`,
        headers: { "x-tenant-id": w.a.slug, "x-forwarded-for": `10.2.0.${ACTORS.indexOf(actor)}` },
        // Without a fixture, an operation that takes a body gets an empty one (a permitted call answers 422).
        body: f.body ?? (op.body ? {} : undefined),
      });
      seen[actor] = r.status;
      expect(r.status >= 500 ? r.body : null).toBe(null);
    }
    // Without a fixture's ids, a permitted caller may meet 404 (no such object): that still proves the gate let it through.
    const lenient = !f.params && op.path.includes("{");
    const wrong = ACTORS.filter((a) => !(matches(seen[a]!, want[a]) || (lenient && want[a] === "pass" && seen[a] === 404)));
    expect(wrong.map((a) => `${a}: got ${seen[a]}, expected ${want[a]}`)).toEqual([]);
    if (f.foreignObject) {
      const r = await call(handlerFor(op), fill(op, f.foreignObject(w)), {
        method: op.method,
        token: w.ownerB.token,
        host: `${w.b.slug}.localhost:3000`,
        headers: { "x-tenant-id": w.b.slug },
        body: op.method === "GET" ? undefined : { roles: [], permissions: [] },
      });
      expect(r.status, "another tenant's object by id").toBe(404);
    }
    if (kindsOf(op.auth) !== "public") {
      // Not vacuous: someone is let through and someone is refused.
      expect(ACTORS.some((a) => ![401, 403].includes(seen[a]!) && seen[a]! < 500)).toBe(true);
      expect(ACTORS.some((a) => [401, 403].includes(seen[a]!))).toBe(true);
    }
  });
});

function handlerFor(op: Operation): Handler {
  return serveAs(op.method);
}

// ── server actions ──
// Every exported function of every "use server" file needs an entry: either
// public (sign-in/out: covered end to end by tests/e2e/auth.spec.ts) or the
// defineAction core it delegates to, checked against every actor (with the
// browser session cookie, as a browser sends it).

type Core = (headers: Headers, input: unknown) => Promise<ActionResult<unknown>>;
type ActionEntry = { public: string } | { core: () => Promise<Core>; coreName: string; input: unknown; expect: Record<Actor, Expect> };

const ACTION_MATRIX: Record<string, ActionEntry> = {
  "app/admin/sign-in/actions.ts#adminSignIn": { public: "sign-in (apex only; e2e)" },
  "app/admin/actions.ts#adminSignOut": { public: "sign-out of one's own session (e2e)" },
  "app/t/[tenant]/actions.ts#tenantSignIn": { public: "sign-in of the host's tenant (e2e)" },
  "app/t/[tenant]/actions.ts#tenantSignOut": { public: "sign-out of one's own session (e2e)" },
  "app/t/[tenant]/users/actions.ts#createUserAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).createUserCore,
    coreName: "createUserCore",
    input: { email: "bad" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/users/actions.ts#issuePasswordLinkAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).issuePasswordLinkCore,
    coreName: "issuePasswordLinkCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/users/actions.ts#setUserActiveAction": {
    core: async () => (await import("@/app/t/[tenant]/users/action-cores")).setUserActiveCore,
    coreName: "setUserActiveCore",
    input: { id: "not-a-uuid", isActive: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  // One's own password: any signed-in user of the tenant (no permission), nobody else.
  "app/t/[tenant]/account/password/actions.ts#changePasswordAction": {
    core: async () => (await import("@/app/t/[tenant]/account/password/action-cores")).changePasswordCore,
    coreName: "changePasswordCore",
    input: { currentPassword: "" },
    expect: { ownWith: 422, ownWithout: 422, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  // Admin console (enterprise admins only); behaviour: tests/integration/admin-console-actions.test.ts.
  "app/admin/clients/actions.ts#createClientAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).createClientCore,
    coreName: "createClientCore",
    input: { idempotencyKey: "authz-matrix", client: { name: "x" } },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 422, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#setClientStatusAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).setClientStatusCore,
    coreName: "setClientStatusCore",
    input: { id: NO_SUCH_CLIENT, status: "SUSPENDED" },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#archiveClientAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).archiveClientCore,
    coreName: "archiveClientCore",
    input: { id: NO_SUCH_CLIENT, confirmSlug: "x" },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#issueSetupLinkAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).issueSetupLinkCore,
    coreName: "issueSetupLinkCore",
    input: { id: NO_SUCH_CLIENT },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 404, superAdmin: 403 },
  },
  "app/admin/clients/actions.ts#issueAssignedSetupLinkAction": {
    core: async () => (await import("@/app/admin/clients/action-cores")).issueAssignedSetupLinkCore,
    coreName: "issueAssignedSetupLinkCore",
    input: { id: NO_SUCH_CLIENT },
    expect: { ownWith: 403, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 404 },
  },
  // Public: the setup token is the credential (tests/integration/setup-password.test.ts); whoever asks reaches validation.
  "app/t/[tenant]/setup/actions.ts#setInitialPasswordAction": {
    core: async () => (await import("@/app/t/[tenant]/setup/action-cores")).setInitialPasswordCore,
    coreName: "setInitialPasswordCore",
    input: { token: "x", password: "short", confirmPassword: "short" },
    expect: { ownWith: 422, ownWithout: 422, otherTenant: 422, anonymous: 422, enterpriseAdmin: 422, superAdmin: 422 },
  },
  // Ledger pages (/ledger, /ledger/accounts): invalid input, so the pass answers 422 and changes nothing.
  "app/t/[tenant]/ledger/actions.ts#createEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createEntryCore,
    coreName: "createEntryCore",
    input: { date: "2026-01-01", description: "x", lines: [] },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#postEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).postEntryCore,
    coreName: "postEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#voidEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).voidEntryCore,
    coreName: "voidEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#createAccountAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createAccountCore,
    coreName: "createAccountCore",
    input: { code: "", name: "x", type: "ASSET" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#createDefaultAccountsAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).createDefaultAccountsCore,
    coreName: "createDefaultAccountsCore",
    input: { unexpected: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#updateEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).updateEntryCore,
    coreName: "updateEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#deleteEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).deleteEntryCore,
    coreName: "deleteEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#reverseEntryAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).reverseEntryCore,
    coreName: "reverseEntryCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/ledger/actions.ts#setAccountActiveAction": {
    core: async () => (await import("@/app/t/[tenant]/ledger/action-cores")).updateAccountCore,
    coreName: "updateAccountCore",
    input: { id: "not-a-uuid", isActive: true },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  // Contact pages (/contacts/new, /contacts/:id): one action, creating or (with an id) updating; invalid input → 422.
  "app/t/[tenant]/contacts/actions.ts#saveContactAction": {
    core: async () => (await import("@/app/t/[tenant]/contacts/action-cores")).createContactCore,
    coreName: "createContactCore",
    input: { name: "" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  // Sales pages (/sales/invoices/new, /sales/invoices/:id): invalid input → 422.
  "app/t/[tenant]/sales/actions.ts#createInvoiceAction": {
    core: async () => (await import("@/app/t/[tenant]/sales/action-cores")).createInvoiceCore,
    coreName: "createInvoiceCore",
    input: { contactId: "x", lines: [] },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/sales/actions.ts#issueInvoiceAction": {
    core: async () => (await import("@/app/t/[tenant]/sales/action-cores")).issueInvoiceCore,
    coreName: "issueInvoiceCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/sales/actions.ts#deleteInvoiceAction": {
    core: async () => (await import("@/app/t/[tenant]/sales/action-cores")).deleteInvoiceCore,
    coreName: "deleteInvoiceCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
  "app/t/[tenant]/sales/actions.ts#creditInvoiceAction": {
    core: async () => (await import("@/app/t/[tenant]/sales/action-cores")).creditInvoiceCore,
    coreName: "creditInvoiceCore",
    input: { id: "not-a-uuid" },
    expect: { ownWith: 422, ownWithout: 403, otherTenant: 403, anonymous: 401, enterpriseAdmin: 403, superAdmin: 403 },
  },
};

function serverActionFiles(dir = "app"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...serverActionFiles(p));
    else if (/\.(ts|tsx)$/.test(name) && /^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(readFileSync(p, "utf8"))) out.push(p.split(path.sep).join("/"));
  }
  return out.sort();
}

describe("server action matrix", () => {
  it("has an entry for every exported server action", () => {
    const found: string[] = [];
    for (const f of serverActionFiles()) {
      const src = readFileSync(f, "utf8");
      for (const m of src.matchAll(/export\s+(?:async\s+function|const)\s+([A-Za-z0-9_]+)/g)) found.push(`${f}#${m[1]}`);
    }
    expect(found.length).toBeGreaterThan(3);
    expect(
      found.filter((k) => !ACTION_MATRIX[k]),
      "add these to ACTION_MATRIX",
    ).toEqual([]);
    expect(Object.keys(ACTION_MATRIX).filter((k) => !found.includes(k))).toEqual([]);
  });

  const cores = Object.entries(ACTION_MATRIX).filter((e): e is [string, Extract<ActionEntry, { core: unknown }>] => "core" in e[1]);
  it.each(cores)("%s", async (key, entry) => {
    const file = key.split("#")[0]!;
    expect(readFileSync(file, "utf8"), "the action must delegate to its core").toContain(entry.coreName);
    const core = await entry.core();
    const sessions: Partial<Record<Actor, string>> = {};
    for (const [actor, p] of [
      ["ownWith", w.ownerA.principal],
      ["ownWithout", w.plainA.principal],
      ["otherTenant", w.ownerB.principal],
    ] as const) {
      sessions[actor] = (await issueToken(p, { use: "session" })).token;
    }
    const seen: Record<string, number> = {};
    for (const actor of ACTORS) {
      let cookie = sessions[actor];
      if (actor === "enterpriseAdmin" || actor === "superAdmin") {
        // Admin tokens are re-issued as sessions: same principal, browser form.
        const { verifyToken } = await import("@/lib/auth/tokens");
        cookie = (await issueToken(await verifyToken(actor === "enterpriseAdmin" ? w.enterpriseAdmin : w.superAdmin), { use: "session" })).token;
      }
      const headers = new Headers({ host: `${w.a.slug}.localhost:3000`, "x-bisman-tenant": w.a.slug, origin: `http://${w.a.slug}.localhost:3000` });
      if (cookie) headers.set("cookie", `bisman.session=${cookie}`);
      const r = await core(headers, entry.input);
      seen[actor] = r.ok ? 200 : r.problem.status;
    }
    const wrong = ACTORS.filter((a) => !matches(seen[a]!, entry.expect[a]));
    expect(wrong.map((a) => `${a}: got ${seen[a]}, expected ${entry.expect[a]}`)).toEqual([]);
  });
});
