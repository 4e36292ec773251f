import { enterpriseDb } from "../../db/enterprise";
import { AppError } from "../../errors";
import { defineOperation, type Operation } from "../../http/operation";
import { log } from "../../observability/log";
import { metricsAccess } from "../../observability/metrics-access";
import { metricsText } from "../platform-metrics";
import { openApiDocument } from "../openapi";

// Operations that belong to no principal: probes, metrics, this description.

export const SYSTEM_OPERATIONS: readonly Operation[] = [
  defineOperation(
    {
      method: "GET",
      path: "/api/health",
      operationId: "health",
      summary: "200 when the enterprise database answers, else 503 problem+json.",
      auth: "public",
      metrics: false,
      success: { status: 200, description: '{"status": "ok"}' },
      problems: { 503: "the enterprise database is not answering" },
    },
    async () => {
      try {
        await enterpriseDb().$queryRaw`SELECT 1`;
        return { status: "ok" };
      } catch (err) {
        log.error("health check failed", { err });
        throw new AppError("unavailable", "The enterprise database is not answering.");
      }
    },
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/metrics",
      operationId: "metrics",
      summary:
        "Prometheus text for this instance (requests by route pattern, fleet status, connection factory, process). For scrapers holding METRICS_TOKEN (Authorization: Bearer …); without METRICS_TOKEN configured → 404.",
      auth: "public",
      security: "metrics-token",
      success: { status: 200, description: "Prometheus text exposition format 0.0.4.", contentType: "text/plain; version=0.0.4; charset=utf-8" },
      problems: { 401: "no bearer token", 403: "not the metrics token", 404: "METRICS_TOKEN is not configured" },
    },
    async ({ req }) => {
      metricsAccess(req.headers);
      return new Response(await metricsText(), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
    },
  ),
  defineOperation(
    {
      method: "GET",
      path: "/api/openapi.json",
      operationId: "openApiDocument",
      summary: "this OpenAPI 3.1 description of the whole HTTP API (public; cacheable for 5 minutes).",
      auth: "public",
      success: {
        status: 200,
        description: "The OpenAPI 3.1 document.",
        headers: [{ name: "Cache-Control", description: "public, max-age=300" }],
      },
    },
    async () => Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
  ),
];
