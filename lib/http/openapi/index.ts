import packageJson from "../../../package.json";
import { config } from "../../config";
import { buildOpenApiDocument, type DocumentOptions } from "./document";
import type { JsonSchema } from "./json-schema";
import { AUDIT_OPERATIONS } from "./operations/audit";
import { CLIENT_OPERATIONS } from "./operations/client";
import { ENTERPRISE_OPERATIONS } from "./operations/enterprise";
import { LEDGER_OPERATIONS } from "./operations/ledger";
import { SHARD_OPERATIONS } from "./operations/shards";
import { SUPER_ADMIN_OPERATIONS } from "./operations/super-admin";
import { SYSTEM_OPERATIONS } from "./operations/system";
import type { Operation } from "./types";

// GET /api/openapi.json: every operation of app/api, described from the same
// zod schemas the routes validate with (docs/api.md). A route file without an
// entry here, or an entry without a route, fails tests/unit/openapi.test.ts.

export const OPERATIONS: readonly Operation[] = [...ENTERPRISE_OPERATIONS, ...SHARD_OPERATIONS, ...SUPER_ADMIN_OPERATIONS, ...CLIENT_OPERATIONS, ...LEDGER_OPERATIONS, ...AUDIT_OPERATIONS, ...SYSTEM_OPERATIONS];

export { buildOpenApiDocument, type DocumentOptions } from "./document";
export type { Operation } from "./types";

let cached: JsonSchema | undefined;

/** The document for this server (its APP_DOMAIN and PORT), built once per process. */
export function openApiDocument(): JsonSchema {
  cached ??= buildOpenApiDocument(OPERATIONS, { env: config(), version: packageJson.version } satisfies DocumentOptions);
  return cached;
}
