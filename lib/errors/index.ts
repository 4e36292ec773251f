import { z } from "zod";
import { isDataException, isTransient } from "../db/errors";

// One error type and one status table. Route handlers and server actions turn
// any thrown value into RFC 9457 problem details through toProblem(); nothing
// else decides a status, and unknown errors never reach the client as text.

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  locked: 423,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

const TITLES: Record<ErrorCode, string> = {
  bad_request: "Bad request",
  unauthorized: "Authentication required",
  forbidden: "Forbidden",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  conflict: "Conflict",
  payload_too_large: "Payload too large",
  unsupported_media_type: "Unsupported media type",
  validation_failed: "Validation failed",
  locked: "Locked",
  rate_limited: "Too many requests",
  internal: "Internal server error",
  unavailable: "Service unavailable",
};

export interface ProblemField {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    /** Safe to show to the caller. */
    readonly detail?: string,
    readonly extra: { fields?: ProblemField[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? TITLES[code]);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: ErrorCode;
  errors?: ProblemField[];
}

export function fieldsOf(error: z.ZodError): ProblemField[] {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

const DATA_EXCEPTION = "A value in the request cannot be stored: check for NUL characters, dates outside years 0001–9999 and numbers that are too large.";

/** Maps anything thrown to a problem; `log` receives what must not be shown. */
export function toProblem(err: unknown, log: (e: unknown) => void = () => undefined): { problem: Problem; headers: Record<string, string> } {
  let e: AppError;
  if (err instanceof AppError) e = err;
  else if (err instanceof z.ZodError) e = new AppError("validation_failed", "The request is not valid.", { fields: fieldsOf(err) });
  else if (isDataException(err)) e = new AppError("validation_failed", DATA_EXCEPTION);
  else if (isTransient(err)) e = new AppError("unavailable", "The database connection was interrupted; try again.", { headers: { "retry-after": "1" } });
  else {
    log(err);
    e = new AppError("internal", "Something went wrong on our side.");
  }
  const problem: Problem = {
    type: `https://bisman.dev/problems/${e.code.replaceAll("_", "-")}`,
    title: TITLES[e.code],
    status: e.status,
    code: e.code,
    ...(e.detail ? { detail: e.detail } : {}),
    ...(e.extra.fields ? { errors: e.extra.fields } : {}),
  };
  return { problem, headers: e.extra.headers ?? {} };
}

export function problemResponse(err: unknown, log?: (e: unknown) => void): Response {
  const { problem, headers } = toProblem(err, log);
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

/** Parses with a zod schema; a refusal is a 422 naming each field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (!r.success) throw new AppError("validation_failed", "The request is not valid.", { fields: fieldsOf(r.error) });
  return r.data;
}
