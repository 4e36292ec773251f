import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryStore, setDefaultStore } from "@/lib/ratelimit";
import type { TenantRecord } from "@/lib/tenancy/types";
import { dispatch } from "@/tests/helpers/dispatch";
import { destroyTenants, makeEnterpriseAdminToken, makeTenant, makeUser, tenantHeaders } from "@/tests/helpers/tenants";

// Finding 4 (issue 10), the red team's own cases, one by one (the fuzz test,
// fuzz-openapi.test.ts, looks for more): each is a 4xx problem, never a 500.

let tenant: TenantRecord;
let owner: string;
let admin: string;
let accountIds: string[] = [];

beforeAll(async () => {
  setDefaultStore(new MemoryStore());
  ({ tenant } = await makeTenant());
  owner = (await makeUser(tenant, ["Owner"])).token;
  admin = await makeEnterpriseAdminToken();
  const r = await send("POST", "/api/client/accounts/defaults", {});
  expect(r.status).toBeLessThan(300);
  const list = await (await send("GET", "/api/client/accounts")).json();
  accountIds = (Array.isArray(list) ? list : list.accounts).map((a: { id: string }) => a.id);
});
afterAll(async () => {
  setDefaultStore();
  await destroyTenants();
});

function send(method: string, path: string, body?: unknown, token = owner): Promise<Response> {
  const headers = new Headers({ host: "localhost:3000", authorization: `Bearer ${token}`, ...(path.startsWith("/api/client/") ? tenantHeaders(tenant) : {}) });
  if (body !== undefined) headers.set("content-type", "application/json");
  return dispatch(new Request(`http://localhost:3000${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
}

async function expect4xx(res: Response, status?: number): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBeGreaterThanOrEqual(400);
  expect(res.status, text).toBeLessThan(500);
  if (status) expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(text).not.toMatch(/prisma|invalid byte sequence|\n\s+at /i);
}

const line = (debit?: string, credit?: string, memo?: string) => ({
  accountId: accountIds[0],
  ...(debit ? { debit } : {}),
  ...(credit ? { credit } : {}),
  ...(memo !== undefined ? { memo } : {}),
});

describe("finding 4: hostile input is a 4xx problem", () => {
  it("a NUL character in names, descriptions, memos, references and filters → 422", async () => {
    await expect4xx(await send("POST", "/api/client/users", { email: "nul@example.com", name: "a\u0000b", password: "long-enough-password" }), 422);
    await expect4xx(await send("POST", "/api/client/accounts", { code: "9999", name: "Cash\u0000", type: "ASSET" }), 422);
    await expect4xx(await send("POST", "/api/client/roles", { name: "R\u0000", permissions: [] }), 422);
    await expect4xx(
      await send("POST", "/api/client/transactions", { date: "2026-06-01", description: "x\u0000", lines: [line("1"), line(undefined, "1")] }),
      422,
    );
    await expect4xx(
      await send("POST", "/api/client/transactions", {
        date: "2026-06-01",
        description: "x",
        reference: "\u0000",
        lines: [line("1", undefined, "m\u0000"), line(undefined, "1")],
      }),
      422,
    );
    await expect4xx(await send("GET", "/api/client/audit?action=a%00b"), 422);
    await expect4xx(await send("GET", "/api/enterprise/audit?actorId=%00", undefined, admin), 422);
    await expect4xx(
      await send("POST", "/api/enterprise/super-admins", { email: "sa-nul@example.com", name: "S\u0000", password: "long-enough-password" }, admin),
    );
  });

  it("an audit cursor beyond bigint → 422", async () => {
    await expect4xx(await send("GET", "/api/client/audit?cursor=9999999999999999999"), 422);
    await expect4xx(await send("GET", "/api/enterprise/audit?cursor=9223372036854775808", undefined, admin), 422);
  });

  it("year-0000 dates wherever a date is taken → 4xx", async () => {
    const dates = ["0000-01-01", "0000-12-31"];
    const instants = ["0000-01-01T00:00:00Z", "0000-06-15T12:00:00+02:00"];
    for (const d of dates) {
      await expect4xx(await send("POST", "/api/client/transactions", { date: d, description: "x", lines: [line("1"), line(undefined, "1")] }));
      await expect4xx(await send("GET", `/api/client/transactions?from=${d}`));
      await expect4xx(await send("GET", `/api/client/reports/trial-balance?asOf=${d}`));
      await expect4xx(await send("GET", `/api/client/reports/balance-sheet?asOf=${d}`));
      await expect4xx(await send("GET", `/api/client/reports/income-statement?from=${d}&to=${d}`));
    }
    for (const t of [...dates, ...instants]) {
      await expect4xx(await send("GET", `/api/client/audit?from=${encodeURIComponent(t)}`));
      await expect4xx(await send("GET", `/api/enterprise/audit?to=${encodeURIComponent(t)}`, undefined, admin));
    }
  });
});
