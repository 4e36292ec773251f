import { notFound } from "next/navigation";
import type { ChainCheckView } from "@/app/_audit/audit-controls";
import type { ClientLabel, Person } from "@/app/_audit/audit-table";
import { clientRef, type AuditFilters, type SearchParams } from "@/app/_audit/filters";
import { verifyEnterpriseAuditChain } from "@/lib/audit";
import { chainCheckView, listEnterpriseAudit, type AuditPage } from "@/lib/audit/read";
import { requireAdmin } from "@/lib/api/pages";
import { config } from "@/lib/config";
import { tenantOrigin } from "@/lib/config/origin";
import { enterpriseDb, type EnterpriseDb } from "@/lib/db/enterprise";
import { isUuid } from "@/lib/edge/tenant";

// How /admin/audit starts: an enterprise admin (else the sign-in page; a super
// admin → 404, like /admin/clients/new), the client filter resolved (a slug or an
// id), then a page of the global log with its clients and admins resolved, and
// the chain check when asked (tests/integration/audit-pages.test.ts).

export interface AdminAuditView {
  page: AuditPage;
  /** Enterprise and super admins named on this page, by id. */
  people: Map<string, Person>;
  /** Clients named on this page (entries' client, client targets), by id; a purged client is missing. */
  clients: Map<string, ClientLabel>;
  /** The client filter as the form shows it again ("" when none holds). */
  client: string;
  /** Why the client filter is not what was typed. */
  clientAlert?: string;
  check?: ChainCheckView;
}

const ADMIN_KINDS = new Set(["enterprise-admin", "super-admin", "super_admin"]);

export async function adminAuditPage(
  headers: Headers,
  filters: Pick<AuditFilters, "query" | "verify">,
  clientParam: SearchParams[string],
): Promise<AdminAuditView> {
  const admin = await requireAdmin(headers);
  if (admin.kind !== "enterprise-admin") notFound();
  const db = enterpriseDb();
  const filter = await clientFilter(db, clientParam);
  const page = await listEnterpriseAudit({ ...filters.query, ...(filter.clientId ? { clientId: filter.clientId } : {}) }, db);
  const [people, clients] = await Promise.all([peopleOf(db, page), clientsOf(db, page)]);
  return {
    page,
    people,
    clients,
    client: filter.client,
    ...(filter.alert ? { clientAlert: filter.alert } : {}),
    ...(filters.verify ? { check: chainCheckView(await verifyEnterpriseAuditChain(db)) } : {}),
  };
}

/** ?client= as a client's id: a slug or id of a client that exists; an unknown id still filters (a purged client's entries stay in the log). */
async function clientFilter(db: EnterpriseDb, param: SearchParams[string]): Promise<{ clientId?: string; client: string; alert?: string }> {
  const ref = clientRef(param);
  if (!ref) return { client: "" };
  const found = await db.client.findUnique({ where: ref, select: { id: true } });
  if (found) return { clientId: found.id, client: "id" in ref ? ref.id : ref.slug };
  if ("id" in ref)
    return { clientId: ref.id, client: ref.id, alert: `No current client has the id ${ref.id}; showing the log's entries for it (a purged client's stay).` };
  const shown = ref.slug.length > 60 ? `${ref.slug.slice(0, 59)}…` : ref.slug;
  return { client: "", alert: `There is no client “${shown}”; showing every client.` };
}

/** The clients this page names (entries' clients, client targets), in one query; their slug links to their host while it can be reached. */
async function clientsOf(db: EnterpriseDb, page: AuditPage): Promise<Map<string, ClientLabel>> {
  const ids = new Set<string>();
  for (const e of page.entries) {
    if (e.clientId) ids.add(e.clientId);
    if (e.targetType === "client" && e.targetId) ids.add(e.targetId);
  }
  const wanted = [...ids].filter(isUuid);
  if (!wanted.length) return new Map();
  const rows = await db.client.findMany({ where: { id: { in: wanted } }, select: { id: true, slug: true, status: true } });
  const env = config();
  return new Map(
    rows.map((c) => [c.id, { slug: c.slug, ...(c.status === "ACTIVE" || c.status === "SUSPENDED" ? { href: `${tenantOrigin(env, c.slug)}/` } : {}) }]),
  );
}

/** The enterprise and super admins this page names, as actors or targets (one query per table). */
async function peopleOf(db: EnterpriseDb, page: AuditPage): Promise<Map<string, Person>> {
  const ids = new Set<string>();
  for (const e of page.entries) {
    if (ADMIN_KINDS.has(e.actorType) && e.actorId) ids.add(e.actorId);
    if (e.targetType && ADMIN_KINDS.has(e.targetType) && e.targetId) ids.add(e.targetId);
  }
  const wanted = [...ids].filter(isUuid);
  if (!wanted.length) return new Map();
  const select = { id: true, name: true, email: true } as const;
  const [enterprise, supers] = await Promise.all([
    db.enterpriseAdmin.findMany({ where: { id: { in: wanted } }, select }),
    db.superAdmin.findMany({ where: { id: { in: wanted } }, select }),
  ]);
  return new Map([...enterprise, ...supers].map((a) => [a.id, { name: a.name, email: a.email }]));
}
