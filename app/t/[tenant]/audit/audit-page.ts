import type { ChainCheckView } from "@/app/_audit/audit-controls";
import type { Person } from "@/app/_audit/audit-table";
import { verifyTenantAuditChain } from "@/lib/audit";
import { chainCheckView, listTenantAudit, type AuditPage, type AuditQuery } from "@/lib/audit/read";
import { tenantPageScope } from "@/lib/api/pages";
import { isUuid } from "@/lib/edge/tenant";
import type { TenantContext, TenantRecord } from "@/lib/tenancy/types";

// How /audit starts, like the ledger pages (ledger-page.ts): the host's tenant and
// its signed-in user (else the sign-in page), core:audit:read (else 404: hide what
// one may not read), then a page of the tenant's own log with its people resolved
// in one query, and the chain check when asked (tests/integration/audit-pages.test.ts).

export interface TenantAuditView {
  page: AuditPage;
  /** Users named on this page (as actor or target), by id. */
  people: Map<string, Person>;
  check?: ChainCheckView;
}

export async function tenantAuditPage(
  param: string,
  headers: Headers,
  q: { query: AuditQuery; verify: boolean },
): Promise<{ tenant: TenantRecord; data: TenantAuditView }> {
  const { tenant, data } = await tenantPageScope(param, headers, "/audit", async (ctx) => {
    const page = await listTenantAudit(ctx, q.query);
    return { page, people: await peopleOf(ctx, page), ...(q.verify ? { check: chainCheckView(await verifyTenantAuditChain(ctx.db)) } : {}) };
  });
  return { tenant, data };
}

/** The users this page names (client-user actors, user targets): one query on the tenant's User table. */
async function peopleOf(ctx: TenantContext, page: AuditPage): Promise<Map<string, Person>> {
  const ids = new Set<string>();
  for (const e of page.entries) {
    if (e.actorType === "client-user" && e.actorId) ids.add(e.actorId);
    if (e.targetType === "user" && e.targetId) ids.add(e.targetId);
  }
  // User.id is a uuid column: anything else could only fail the query.
  const wanted = [...ids].filter(isUuid);
  if (!wanted.length) return new Map();
  const users = await ctx.db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, email: u.email }]));
}
