import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createAccountCore,
  createDefaultAccountsCore,
  createEntryCore,
  deleteEntryCore,
  postEntryCore,
  reverseEntryCore,
  updateAccountCore,
  updateEntryCore,
  voidEntryCore,
} from "@/app/t/[tenant]/ledger/action-cores";
import { ledgerPage } from "@/app/t/[tenant]/ledger/ledger-page";
import { issueToken } from "@/lib/auth/tokens";
import { listAccounts } from "@/lib/modules/ledger/list-accounts";
import { trialBalance } from "@/lib/modules/ledger/trial-balance";
import type { TenantRecord } from "@/lib/tenancy/types";
import { destroyTenants, makeTenant, makeUser, type TestUser } from "@/tests/helpers/tenants";
import { pageOutcome as outcome } from "@/tests/helpers/pages";

// The ledger pages (app/t/[tenant]/ledger): who sees which page and which write
// controls (ledger-page.ts), and their actions' cores as a browser's server
// action calls them (session cookie on the tenant's host). Who may call each
// action: tests/integration/authz-matrix.test.ts; the pages in a browser:
// tests/e2e/ledger.spec.ts.

let tenant: TenantRecord;
const sessions: Record<"owner" | "viewer" | "plain", string> = { owner: "", viewer: "", plain: "" };
let n = 0;

const h = (session?: string) => {
  const headers = new Headers({ host: `${tenant.slug}.localhost:3000`, origin: `http://${tenant.slug}.localhost:3000`, "x-forwarded-for": `10.8.0.${++n}` });
  if (session) headers.set("cookie", `bisman.session=${session}`);
  return headers;
};
const session = async (u: TestUser) => (await issueToken(u.principal, { use: "session" })).token;

afterAll(() => destroyTenants());
beforeAll(async () => {
  ({ tenant } = await makeTenant());
  sessions.owner = await session(await makeUser(tenant, ["Owner"], "Olga Owner"));
  sessions.viewer = await session(await makeUser(tenant, ["Viewer"], "Vic Viewer"));
  sessions.plain = await session(await makeUser(tenant, [], "Pat Plain"));
});

describe("ledger pages", () => {
  it("an owner reads every page and gets every write control", async () => {
    const page = await ledgerPage(tenant.slug, h(sessions.owner), "/ledger/accounts", (ctx) => listAccounts(ctx));
    expect(page.access).toEqual({ readAccounts: true, writeAccounts: true, readJournal: true, writeJournal: true, readReports: true });
    expect(page.data).toEqual([]);
  });

  it("a viewer reads every page but gets no write control", async () => {
    const page = await ledgerPage(tenant.slug, h(sessions.viewer), "/ledger/trial-balance", (ctx) => trialBalance(ctx, {}));
    expect(page.access).toEqual({ readAccounts: true, writeAccounts: false, readJournal: true, writeJournal: false, readReports: true });
    expect(page.data.totals.balanced).toBe(true);
  });

  it("a user without the read permission gets 404 (the page's data is never loaded); no session → the sign-in page", async () => {
    let loaded = false;
    const load = async () => {
      loaded = true;
    };
    // Each page's gate is its navigation item's permission: accounts, transactions, reports.
    for (const path of ["/ledger/accounts", "/ledger", "/ledger/trial-balance"]) {
      expect(await outcome(ledgerPage(tenant.slug, h(sessions.plain), path, load))).toBe("not found");
    }
    expect(await outcome(ledgerPage(tenant.slug, h(), "/ledger", load))).toBe("redirect /sign-in");
    expect(loaded).toBe(false);
  });
});

describe("ledger actions, as the pages call them", () => {
  it("the standard chart once; a duplicate code → 409; an unbalanced posting refused naming `lines`; money as numbers refused; draft → post → void; a viewer refused", async () => {
    const first = await createDefaultAccountsCore(h(sessions.owner), {});
    expect(first.ok && first.data.created).toBe(10);
    const again = await createDefaultAccountsCore(h(sessions.owner), {});
    expect(again.ok && again.data.created).toBe(0);
    const accounts = again.ok ? again.data.accounts : [];
    const id = (code: string) => accounts.find((a) => a.code === code)!.id;

    const dup = await createAccountCore(h(sessions.owner), { code: "1000", name: "Cash again", type: "ASSET" });
    expect(dup.ok ? 200 : dup.problem.status).toBe(409);

    const lines = (credit: string) => [
      { accountId: id("1000"), debit: "100.10" },
      { accountId: id("4000"), credit },
    ];
    const unbalanced = await createEntryCore(h(sessions.owner), { date: "2026-02-01", description: "Sale", lines: lines("100"), post: true });
    expect(unbalanced.ok ? null : { status: unbalanced.problem.status, paths: unbalanced.problem.errors?.map((e) => e.path) }).toEqual({
      status: 422,
      paths: ["lines"],
    });
    const numbers = await createEntryCore(h(sessions.owner), {
      date: "2026-02-01",
      description: "Sale",
      lines: [
        { accountId: id("1000"), debit: 100 },
        { accountId: id("4000"), credit: "100" },
      ],
    });
    expect(numbers.ok ? null : numbers.problem.errors?.map((e) => e.path)).toEqual(["lines.0.debit"]); // money as numbers is refused

    const draft = await createEntryCore(h(sessions.owner), { date: "2026-02-01", description: "Sale", lines: lines("100.10") });
    expect(draft.ok && draft.data.status).toBe("DRAFT");
    const entryId = draft.ok ? draft.data.id : "";
    expect(await postEntryCore(h(sessions.viewer), { id: entryId })).toMatchObject({ ok: false, problem: { status: 403 } });
    expect(await postEntryCore(h(sessions.owner), { id: entryId })).toMatchObject({ ok: true, data: { status: "POSTED" } });
    expect(await postEntryCore(h(sessions.owner), { id: entryId })).toMatchObject({ ok: false, problem: { status: 409 } });
    expect(await voidEntryCore(h(sessions.owner), { id: entryId })).toMatchObject({ ok: true, data: { status: "VOID" } });
  });
});

describe("draft edit and delete, reversal, account (de)activation, as the pages call them", () => {
  let id: (code: string) => string;
  beforeAll(async () => {
    const chart = await createDefaultAccountsCore(h(sessions.owner), {}); // the chart, made once in this file
    const accounts = chart.ok ? chart.data.accounts : [];
    id = (code) => accounts.find((a) => a.code === code)!.id;
  });
  const draft = async (description: string, amount: string, [dr, cr]: [string, string] = ["1000", "4000"], post = false) => {
    const r = await createEntryCore(h(sessions.owner), {
      date: "2026-04-01",
      description,
      lines: [
        { accountId: id(dr), debit: amount },
        { accountId: id(cr), credit: amount },
      ],
      post,
    });
    if (!r.ok) throw new Error(r.problem.detail);
    return r.data;
  };

  it("edits a draft (every field, lines replaced, reference cleared with null); a posted entry → 409; a viewer → 403", async () => {
    const entry = await draft("Chairs", "50");
    const edited = await updateEntryCore(h(sessions.owner), {
      id: entry.id,
      date: "2026-04-03",
      description: "Office chairs",
      reference: "INV-9",
      lines: [
        { accountId: id("6000"), debit: "75.5", memo: "two chairs" },
        { accountId: id("1000"), credit: "75.5" },
      ],
    });
    expect(edited.ok ? { ...edited.data, lines: edited.data.lines.map((l) => [l.accountId, l.debit, l.credit, l.memo]) } : edited.problem).toMatchObject({
      id: entry.id,
      status: "DRAFT",
      date: "2026-04-03",
      description: "Office chairs",
      reference: "INV-9",
      lines: [
        [id("6000"), "75.5000", "0.0000", "two chairs"],
        [id("1000"), "0.0000", "75.5000", null],
      ],
    });
    expect(await updateEntryCore(h(sessions.owner), { id: entry.id, reference: null })).toMatchObject({
      ok: true,
      data: { reference: null, description: "Office chairs" },
    });
    expect(await updateEntryCore(h(sessions.viewer), { id: entry.id, description: "Viewer's" })).toMatchObject({ ok: false, problem: { status: 403 } });
    const oneLine = await updateEntryCore(h(sessions.owner), { id: entry.id, lines: [{ accountId: id("6000"), debit: "1" }] });
    expect(oneLine.ok ? null : oneLine.problem.errors?.map((e) => e.path)).toEqual(["lines"]);

    expect(await postEntryCore(h(sessions.owner), { id: entry.id })).toMatchObject({ ok: true, data: { status: "POSTED" } });
    expect(await updateEntryCore(h(sessions.owner), { id: entry.id, description: "Too late" })).toMatchObject({ ok: false, problem: { status: 409 } });
  });

  it("deletes a draft (then it is gone: 404); a posted entry → 409", async () => {
    const entry = await draft("Duplicate", "10");
    expect(await deleteEntryCore(h(sessions.owner), { id: entry.id })).toEqual({ ok: true, data: { id: entry.id } });
    expect(await deleteEntryCore(h(sessions.owner), { id: entry.id })).toMatchObject({ ok: false, problem: { status: 404 } });
    const posted = await draft("Kept", "10", ["1000", "4000"], true);
    expect(await deleteEntryCore(h(sessions.owner), { id: posted.id })).toMatchObject({ ok: false, problem: { status: 409 } });
  });

  it("reverses a posted entry on the date asked (its accounts back to zero, still balanced); before the original → 422 on `date`; twice, or the reversal itself → 409", async () => {
    const entry = await draft("Investment", "200", ["1100", "3000"], true);
    const early = await reverseEntryCore(h(sessions.owner), { id: entry.id, date: "2026-03-31" });
    expect(early.ok ? null : { status: early.problem.status, paths: early.problem.errors?.map((e) => e.path) }).toEqual({ status: 422, paths: ["date"] });

    const reversal = await reverseEntryCore(h(sessions.owner), { id: entry.id, date: "2026-04-05" });
    expect(reversal.ok ? { ...reversal.data, lines: reversal.data.lines.map((l) => [l.accountId, l.debit, l.credit]) } : reversal.problem).toMatchObject({
      status: "POSTED",
      date: "2026-04-05",
      reversalOfId: entry.id,
      description: `Reversal of #${entry.number}: Investment`,
      lines: [
        [id("1100"), "0.0000", "200.0000"],
        [id("3000"), "200.0000", "0.0000"],
      ],
    });
    const page = await ledgerPage(tenant.slug, h(sessions.owner), "/ledger/trial-balance", (ctx) => trialBalance(ctx, { asOf: "2026-04-30" }));
    expect(page.data.totals.balanced).toBe(true);
    expect(page.data.accounts.filter((a) => ["1100", "3000"].includes(a.code)).map((a) => [a.code, a.debit, a.credit, a.balance])).toEqual([
      ["1100", "200.0000", "200.0000", "0.0000"],
      ["3000", "200.0000", "200.0000", "0.0000"],
    ]);

    expect(await reverseEntryCore(h(sessions.owner), { id: entry.id })).toMatchObject({ ok: false, problem: { status: 409 } });
    expect(await reverseEntryCore(h(sessions.owner), { id: reversal.ok ? reversal.data.id : "" })).toMatchObject({ ok: false, problem: { status: 409 } });
    expect(await reverseEntryCore(h(sessions.viewer), { id: entry.id })).toMatchObject({ ok: false, problem: { status: 403 } });
  });

  it("deactivates an account (new lines on it → 422) and activates it again; a viewer → 403; isActive not a boolean → 422", async () => {
    const off = await updateAccountCore(h(sessions.owner), { id: id("5000"), isActive: false });
    expect(off).toMatchObject({ ok: true, data: { code: "5000", isActive: false } });
    const refused = await createEntryCore(h(sessions.owner), {
      date: "2026-04-01",
      description: "COGS",
      lines: [
        { accountId: id("5000"), debit: "5" },
        { accountId: id("1000"), credit: "5" },
      ],
    });
    expect(refused.ok ? null : { status: refused.problem.status, paths: refused.problem.errors?.map((e) => e.path) }).toEqual({
      status: 422,
      paths: ["lines.0.accountId"],
    });
    expect(await updateAccountCore(h(sessions.viewer), { id: id("5000"), isActive: true })).toMatchObject({ ok: false, problem: { status: 403 } });
    expect(await updateAccountCore(h(sessions.owner), { id: id("5000"), isActive: "yes" })).toMatchObject({ ok: false, problem: { status: 422 } });
    expect(await updateAccountCore(h(sessions.owner), { id: id("5000"), isActive: true })).toMatchObject({ ok: true, data: { isActive: true } });
  });
});
