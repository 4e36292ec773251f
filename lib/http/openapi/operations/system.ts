import type { Operation } from "../types";

// Operations that belong to no principal: probes, metrics, this description.

export const SYSTEM_OPERATIONS: readonly Operation[] = [
  {
    method: "GET",
    path: "/api/health",
    operationId: "health",
    summary: "200 when the enterprise database answers, else 503 problem+json.",
    auth: "public",
    unwrapped: true,
    success: { status: 200, description: '{"status": "ok"}' },
    problems: { 503: "the enterprise database is not answering" },
  },
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
];
