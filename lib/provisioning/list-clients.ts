import { enterpriseDb, type EnterpriseDb } from "../db/enterprise";
import { AppError } from "../errors";
import { clientViewSelect, toClientView } from "./client-view";
import type { ClientView, ListClientsQuery } from "./schemas";
import { requiredClientSchemaVersion } from "../tenancy/schema-gate";

// GET /api/enterprise/clients: newest first, keyset (cursor) pagination on
// (createdAt, id) so pages stay stable while clients are created.

interface Cursor {
  at: string;
  id: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Cursor;
    if (typeof c.at === "string" && typeof c.id === "string" && !Number.isNaN(Date.parse(c.at)) && /^[0-9a-f-]{36}$/.test(c.id)) return c;
  } catch {
    /* fall through */
  }
  throw new AppError("validation_failed", "The cursor is not valid.", { fields: [{ path: "cursor", message: "invalid" }] });
}

export async function listClients(query: ListClientsQuery, db: EnterpriseDb = enterpriseDb()): Promise<{ items: ClientView[]; nextCursor: string | null }> {
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db.client.findMany({
    where: {
      AND: [
        query.status ? { status: query.status } : {},
        query.schema === "behind" ? schemaBehindWhere() : {},
        query.q ? { OR: [{ name: { contains: query.q, mode: "insensitive" as const } }, { slug: { contains: query.q.toLowerCase() } }] } : {},
        after ? { OR: [{ createdAt: { lt: new Date(after.at) } }, { createdAt: new Date(after.at), id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: clientViewSelect,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toClientView),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** Fleet tenants (ACTIVE, SUSPENDED: what `npm run migrate:clients` migrates) older than the code's newest client migration. */
export function schemaBehindWhere() {
  const required = requiredClientSchemaVersion();
  if (required === null) return { id: { in: [] as string[] } };
  return { status: { in: ["ACTIVE" as const, "SUSPENDED" as const] }, OR: [{ schemaVersion: null }, { schemaVersion: { lt: required } }] };
}
