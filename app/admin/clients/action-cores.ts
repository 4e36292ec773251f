// Cores of the admin console's client actions (see lib/api/action.ts); actions.ts exports the thin "use server" wrappers.
// Enterprise admins only; each delegates to the provisioning service the API routes use.
import { z } from "zod";
import type { Principal } from "@/lib/edge/principal";
import { enterpriseDb } from "@/lib/db/enterprise";
import { AppError } from "@/lib/errors";
import { defineAction, gateOf } from "@/lib/api/action";
import { clientIp } from "@/lib/http/request";
import { archiveClient, createClient, reissueSetupLink, updateClient, type Actor } from "@/lib/provisioning";
import { reissueAssignedSetupLink, type SuperAdminPrincipal } from "@/lib/super-admin";

const actorOf = (principal: { id: string } | null, headers: Headers): Actor => ({ type: "enterprise-admin", id: principal!.id, ip: clientIp(headers) });

/** The form's fields go to createClient as they are (it validates them: 422/409 name the fields); the key makes a double submit one tenant. */
export const ZCreateClientAction = z.object({ idempotencyKey: z.string().min(1).max(200), client: z.record(z.string(), z.unknown()) }).strict();

export const createClientCore = defineAction(
  { ...gateOf("createClient", "enterprise-admin"), input: ZCreateClientAction },
  async ({ input, principal, headers }) => {
    const { body, replayed } = await createClient(input.client, actorOf(principal, headers), { idempotencyKey: input.idempotencyKey });
    return { ...body, replayed };
  },
);

export const ZSetClientStatusAction = z.object({ id: z.uuid(), status: z.enum(["ACTIVE", "SUSPENDED"]) }).strict();

export const setClientStatusCore = defineAction(
  { ...gateOf("updateClient", "enterprise-admin"), input: ZSetClientStatusAction },
  async ({ input, principal, headers }) => {
    const view = await updateClient(input.id, { status: input.status }, actorOf(principal, headers));
    return { id: view.id, status: view.status };
  },
);

/** Archiving is confirmed by typing the client's slug; the server checks it too. */
export const ZArchiveClientAction = z.object({ id: z.uuid(), confirmSlug: z.string().max(100) }).strict();

export const archiveClientCore = defineAction(
  { ...gateOf("archiveClient", "enterprise-admin"), input: ZArchiveClientAction },
  async ({ input, principal, headers }) => {
    const row = await enterpriseDb().client.findUnique({ where: { id: input.id }, select: { slug: true } });
    if (!row) throw new AppError("not_found", "No such client.");
    if (input.confirmSlug.trim() !== row.slug) {
      throw new AppError("validation_failed", "Type the client's slug to confirm.", {
        fields: [{ path: "confirmSlug", message: `type ${row.slug} to confirm` }],
      });
    }
    const view = await archiveClient(input.id, actorOf(principal, headers));
    return { id: view.id, status: view.status };
  },
);

type EnterpriseAdmin = Extract<Principal, { kind: "enterprise-admin" }>; // what auth "enterprise-admin" lets through

export const ZIssueSetupLinkAction = z.object({ id: z.uuid() }).strict();

/** A new setup link for the client's owner who has not set a password yet (409 when every owner has one). */
export const issueSetupLinkCore = defineAction(
  { ...gateOf("reissueSetupLink", "enterprise-admin"), input: ZIssueSetupLinkAction },
  async ({ input, principal, headers }) => reissueSetupLink(input.id, {}, { principal: principal as EnterpriseAdmin, ip: clientIp(headers) }),
);

/** The super admin's table: the same link for a client assigned to them (any other → 404). */
export const issueAssignedSetupLinkCore = defineAction(
  { ...gateOf("reissueAssignedSetupLink", "super-admin"), input: ZIssueSetupLinkAction },
  async ({ input, principal, headers }) => reissueAssignedSetupLink(principal as SuperAdminPrincipal, input.id, {}, { ip: clientIp(headers) }),
);
