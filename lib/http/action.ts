import type { z } from "zod";
import type { ClientUserPrincipal, Principal } from "../auth/principal";
import { config, isProduction } from "../config";
import { EDGE_TENANT_HEADER } from "../edge/tenant";
import type { Permission } from "../erp/modules";
import { toProblem, type Problem } from "../errors";
import { log } from "../observability/log";
import { withTenantContext } from "../tenancy/connections";
import type { TenantContext, TenantRecord } from "../tenancy/types";
import { parseWith } from "./body";
import { authenticate, rateLimit, requirePermissionIn, type AuthOption } from "./handler";
import { assertSameOriginHeaders, clientIp, newRequestId } from "./request";
import { resolveRequestTenant } from "./tenant";

/*
 * defineAction(): THE wrapper for server actions, the same checks as route()
 * in the same order (same-origin → authenticate → kind → tenant, ACTIVE →
 * rate limit → lease → permission → input). It returns a *core*
 * `(headers, input) => Promise<ActionResult>`; the "use server" file exports a
 * one-line async function that passes `await headers()` from next/headers:
 *
 *   // app/t/[tenant]/users/action-cores.ts
 *   export const createUserCore = defineAction({ auth: "client-user", permission: "core:users:write", input: ZCreateUserRequest },
 *     ({ ctx, input }) => createUser(ctx, input));
 *   // app/t/[tenant]/users/actions.ts
 *   "use server";
 *   export async function createUserAction(input: unknown) { return createUserCore(await headers(), input); }
 *
 * The core is never exported from a "use server" file: its headers parameter
 * must not become something a browser can send. Tests call cores directly.
 * Failures come back as { ok: false, problem } (RFC 9457 shape), never thrown.
 */

export type ActionResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export interface ActionArgs<I> {
  input: I;
  principal: Principal | null;
  tenant: TenantRecord | undefined;
  ctx: TenantContext | undefined;
  /** The request's headers (Authorization removed): public actions resolve the host's tenant and the client's address from them. */
  headers: Headers;
}

export function defineAction<S extends z.ZodType, T>(
  options: { auth: AuthOption; permission?: Permission; input: S },
  fn: (args: ActionArgs<z.infer<S>>) => Promise<T>,
): (headers: Headers, input: unknown) => Promise<ActionResult<T>> {
  return async (headers, input) => {
    const requestId = newRequestId();
    try {
      assertSameOriginHeaders("POST", headers);
      // Route handlers see bearer tokens; a browser's server action only has its session cookie.
      const h = new Headers(headers);
      h.delete("authorization");
      const principal = await authenticate(new Request("http://action.invalid/", { headers: h }), options.auth);
      const tenant =
        principal?.kind === "client-user"
          ? await resolveRequestTenant({ headers: h, query: isProduction(config()) ? null : h.get(EDGE_TENANT_HEADER) }, principal as ClientUserPrincipal)
          : undefined;
      if (principal) await rateLimit(principal, tenant);
      const run = async (ctx: TenantContext | undefined) => {
        await requirePermissionIn(ctx, options.permission);
        return fn({ input: parseWith(options.input, input), principal, tenant, ctx, headers: h });
      };
      const data = tenant ? await withTenantContext(tenant, principal as ClientUserPrincipal, run, { ip: clientIp(h) }) : await run(undefined);
      return { ok: true, data };
    } catch (err) {
      const { problem } = toProblem(err, (e) => log.error("unhandled error in server action", { requestId, err: e }));
      return { ok: false, problem };
    }
  };
}
