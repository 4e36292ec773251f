import type { z } from "zod";
import { toProblem, type Problem } from "../errors";
import { parseWith } from "../errors";
import type { AuthOption } from "../http/operation";
import { newRequestId } from "../http/request";
import { log } from "../observability/log";
import { allOperations } from "./operations";
import { admit, devTenantQuery, enter, type Scope } from "./pipeline";

/*
 * defineAction(): THE wrapper for server actions, on the same security pipeline
 * as the API router (lib/api/pipeline.ts). It returns a *core*
 * `(headers, input) => Promise<ActionResult>`; the "use server" file exports a
 * one-line async function that passes `await headers()` from next/headers:
 *
 *   // app/t/[tenant]/users/action-cores.ts: the guard of POST /api/client/users, the same input
 *   export const createUserCore = defineAction({ ...gateOf("createUser", "client-user"), input: ZCreateUserRequest },
 *     ({ ctx, input }) => createUser(ctx, input));
 *   // app/t/[tenant]/users/actions.ts
 *   "use server";
 *   export async function createUserAction(input: unknown) { return createUserCore(await headers(), input); }
 *
 * For a "client-user" gate, `ctx` and `tenant` are always set (typed so). The
 * core is never exported from a "use server" file: its headers parameter must
 * not become something a browser can send. Tests call cores directly. Failures
 * come back as { ok: false, problem } (RFC 9457 shape), never thrown.
 */

export type ActionResult<T> = { ok: true; data: T } | { ok: false; problem: Problem };

export type ActionArgs<A extends AuthOption, I> = Scope<A> & {
  input: I;
  /** The request's headers (Authorization removed): public actions resolve the host's tenant and the client's address from them. */
  headers: Headers;
};

/**
 * The guard of the API operation a server action mirrors (its auth and permission, from the declaration:
 * lib/modules/<key>/module.ts or lib/api/operations), so the page's button and the API can never disagree
 * about who may do it. `auth` states the kind the action expects; a different declaration fails at load.
 */
export function gateOf<A extends AuthOption>(operationId: string, auth: A): { auth: A; permission?: string } {
  const op = allOperations().find((o) => o.operationId === operationId);
  if (!op) throw new Error(`gateOf: no operation ${operationId}`);
  if (JSON.stringify(op.auth) !== JSON.stringify(auth))
    throw new Error(`gateOf: ${operationId} is for ${JSON.stringify(op.auth)}, not ${JSON.stringify(auth)}`);
  return { auth, permission: op.permission };
}

export function defineAction<A extends AuthOption, S extends z.ZodType, T>(
  options: { auth: A; permission?: string; input: S },
  fn: (args: ActionArgs<A, z.infer<S>>) => Promise<T>,
): (headers: Headers, input: unknown) => Promise<ActionResult<T>> {
  return async (headers, input) => {
    const requestId = newRequestId();
    try {
      // Route handlers see bearer tokens; a browser's server action only has its session cookie.
      const h = new Headers(headers);
      h.delete("authorization");
      const admission = await admit(options, { method: "POST", headers: h, tenantQuery: devTenantQuery(h) });
      const data = await enter(admission, options, (scope) => fn({ ...scope, input: parseWith(options.input, input), headers: h }));
      return { ok: true, data };
    } catch (err) {
      const { problem } = toProblem(err, (e) => log.error("unhandled error in server action", { requestId, err: e }));
      return { ok: false, problem };
    }
  };
}
