// GET /api/openapi.json: this OpenAPI 3.1 description of the whole HTTP API (public; cacheable for 5 minutes).
import { route } from "@/lib/http/handler";
import { openApiDocument } from "@/lib/http/openapi";

export const GET = route({ auth: "public" }, async () => Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
