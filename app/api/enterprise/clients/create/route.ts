// POST /api/enterprise/clients/create: provision a client (tenant) → 201 {clientId, slug, dbName, status, setupLink?}.
// Optional Idempotency-Key header: same key + same body → the first answer again; same key + other body → 422.
import { created, route } from "@/lib/http/handler";
import { clientIp } from "@/lib/http/request";
import { createClient, ZCreateClientRequest } from "@/lib/provisioning";

export const POST = route({ auth: "enterprise-admin", body: ZCreateClientRequest }, async ({ req, body, principal }) => {
  const { body: answer, replayed } = await createClient(body, { type: "enterprise-admin", id: principal.id, ip: clientIp(req.headers) }, { idempotencyKey: req.headers.get("idempotency-key") });
  return created(answer, replayed ? { "idempotent-replayed": "true" } : undefined);
});
