import { z } from "zod";
import { ERROR_STATUS, type ErrorCode } from "../../errors";
import { DEFAULT_BODY_LIMIT } from "../../http/body";
import { kindsOf, type Operation, type ProblemStatus } from "../../http/operation";

// The one problem+json shape lib/errors sends (toProblem), as zod so the
// document's `Problem` schema is generated like every other one; the test
// checks that its type equals lib/errors' Problem and that real answers parse.

export const ZProblemField = z.object({
  /** Dotted path of the offending field, e.g. "lines.0.debit". */
  path: z.string(),
  message: z.string(),
});

export const ZProblem = z.object({
  /** https://bisman.dev/problems/<code with dashes> */
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  /** Field errors of a 422. */
  errors: z.array(ZProblemField).optional(),
});

export const STATUS_TITLES: Record<ProblemStatus, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  422: "Validation failed",
  423: "Locked",
  429: "Too many requests",
  503: "Service unavailable",
};

const isSafe = (m: string) => m === "GET";
const needsTenant = (op: Operation) => {
  const kinds = kindsOf(op.auth);
  return !!op.tenant || (kinds !== "public" && kinds.includes("client-user"));
};

/** Headers (components.headers names) a problem of this status carries on this operation. */
export function problemHeaders(op: Operation, status: ProblemStatus): string[] {
  if (status === 401 && (kindsOf(op.auth) !== "public" || op.security)) return ["WWW-Authenticate"];
  if (status === 429) return ["Retry-After"];
  if (status === 503 && needsTenant(op)) return ["Retry-After"];
  return [];
}

/**
 * Every problem status an operation can answer with and why: what route() does
 * for its options (the order of checks in lib/api/router.ts and lib/api/pipeline.ts), then the
 * operation's own reasons.
 */
export function problemReasons(op: Operation): Map<ProblemStatus, string[]> {
  const reasons = new Map<ProblemStatus, string[]>();
  const add = (status: ProblemStatus, why: string) => reasons.set(status, [...(reasons.get(status) ?? []), why]);
  const kinds = kindsOf(op.auth);
  const clientUser = kinds !== "public" && kinds.includes("client-user");

  if (!isSafe(op.method)) add(403, "a browser request from another origin");
  if (kinds !== "public") {
    add(401, "no valid bearer token");
    add(403, `a token of another kind of account (allowed: ${kinds.join(", ")})`);
  }
  if (needsTenant(op)) {
    add(400, "x-tenant-id (or the host) does not name a tenant, or no tenant is named");
    add(403, clientUser ? "the token, x-tenant-id and the host do not all name the same tenant" : "x-tenant-id and the host name different tenants");
    add(404, "no such tenant");
    add(423, "the tenant is suspended");
    add(503, "the tenant is still being provisioned");
  }
  if (kinds !== "public" && op.rateLimit !== false) add(429, "too many requests for this user (and tenant)");
  if (op.params) add(404, "a malformed id names nothing");
  if (op.permission) add(403, `the permission ${op.permission} is missing`);
  if (op.body) {
    add(400, "the body is not valid JSON");
    add(413, `the body is larger than ${DEFAULT_BODY_LIMIT} bytes`);
    add(415, "the body is not application/json");
    add(422, "the body does not match the schema (field errors in `errors`)");
  }
  if (op.query) add(422, "the query does not match the schema (field errors in `errors`)");
  for (const [status, why] of Object.entries(op.problems ?? {})) add(Number(status) as ProblemStatus, why);
  return new Map([...reasons].sort(([a], [b]) => a - b));
}
