// GET /api/metrics: Prometheus text for this instance (requests by route pattern, fleet status, connection factory,
// process). For scrapers holding METRICS_TOKEN (Authorization: Bearer …); without METRICS_TOKEN configured → 404.
import { metricsAccess } from "@/lib/observability/metrics-access";
import { metricsText } from "@/lib/observability/platform-metrics";
import { route } from "@/lib/http/handler";

export const GET = route({ auth: "public" }, async ({ req }) => {
  metricsAccess(req.headers);
  return new Response(await metricsText(), { headers: { "content-type": "text/plain; version=0.0.4; charset=utf-8" } });
});
