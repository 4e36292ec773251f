import packageJson from "../../../package.json";
import { config } from "../../config";
import type { Operation } from "../../http/operation";
import { allOperations } from "../operations";
import { buildOpenApiDocument, type DocumentOptions } from "./document";
import type { JsonSchema } from "./json-schema";

// GET /api/openapi.json: every operation the router serves (lib/api/operations:
// the control plane's and each module's), described from the same zod schemas
// the router validates with (docs/api.md).

export { buildOpenApiDocument, type DocumentOptions } from "./document";

let cached: { operations: readonly Operation[]; doc: JsonSchema } | undefined;

/** The document for this server (its APP_DOMAIN and PORT), built once per process (again when a module is registered). */
export function openApiDocument(): JsonSchema {
  const operations = allOperations();
  if (cached?.operations !== operations)
    cached = { operations, doc: buildOpenApiDocument(operations, { env: config(), version: packageJson.version } satisfies DocumentOptions) };
  return cached.doc;
}
