import { expect } from "vitest";
import type { TenantRecord } from "@/lib/tenancy/types";
import { routeHandlers } from "@/tests/helpers/api";
import { call } from "@/tests/helpers/http";
import { makeTenant, makeUser, tenantHeaders, type TestUser } from "@/tests/helpers/tenants";

// The world the receivables and payables tests start from: tenant A with an
// Accountant, a Viewer and the standard chart (accounts by code), and tenant B
// with its Owner (for cross-tenant refusals). Callers destroy it with destroyTenants().

export interface Books {
  a: TenantRecord;
  b: TenantRecord;
  accountant: TestUser;
  viewer: TestUser;
  bOwner: TestUser;
  /** Tenant A's standard chart: account id by code ("1200" receivable, "2000" payable, "4000" sales, …). */
  acct: Record<string, string>;
}

const { POST: createDefaults } = routeHandlers("/api/client/accounts/defaults");

export async function makeBooks(): Promise<Books> {
  const { tenant: a } = await makeTenant();
  const { tenant: b } = await makeTenant();
  const accountant = await makeUser(a, ["Accountant"]);
  const viewer = await makeUser(a, ["Viewer"]);
  const bOwner = await makeUser(b, ["Owner"]);
  const r = await call(createDefaults, "/api/client/accounts/defaults", { token: accountant.token, headers: tenantHeaders(a), method: "POST" });
  const acct: Record<string, string> = {};
  for (const x of r.body.accounts as { id: string; code: string }[]) acct[x.code] = x.id;
  return { a, b, accountant, viewer, bOwner, acct };
}

/** The answer's body, once its status is the expected one (the body is printed when it is not). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
export function expectStatus<T = any>(r: { status: number; body: unknown }, status: number): T {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  return r.body as T;
}
