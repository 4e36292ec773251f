import { beforeEach, describe, expect, it } from "vitest";
import { recordRequest, renderMetrics, resetMetrics, routePattern } from "@/lib/observability/metrics";

beforeEach(() => resetMetrics());

describe("routePattern", () => {
  it("replaces the segments that are param values with the param's name", () => {
    expect(routePattern("/api/client/transactions/8d1c6c1e-0b7a-4d43-9a59-2f1a4c0f0e11/post", { id: "8d1c6c1e-0b7a-4d43-9a59-2f1a4c0f0e11" })).toBe(
      "/api/client/transactions/[id]/post",
    );
    expect(routePattern("/api/health", {})).toBe("/api/health");
  });

  it("bounds junk sent in place of an id, encoded or not", () => {
    expect(routePattern("/api/client/users/%3Cscript%3E/roles", { id: "<script>" })).toBe("/api/client/users/[id]/roles");
    expect(routePattern("/api/x/a/b", { rest: ["a", "b"] })).toBe("/api/x/[rest]/[rest]");
  });
});

describe("renderMetrics", () => {
  it("counts requests per route, method and status, with cumulative histogram buckets", () => {
    recordRequest("/api/health", "GET", 200, 0.003);
    recordRequest("/api/health", "GET", 200, 0.2);
    recordRequest("/api/health", "GET", 503, 20);
    const text = renderMetrics([]);
    expect(text).toContain('bisman_http_requests_total{route="/api/health",method="GET",status="200"} 2');
    expect(text).toContain('bisman_http_requests_total{route="/api/health",method="GET",status="503"} 1');
    expect(text).toContain('bisman_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="0.005"} 1');
    expect(text).toContain('bisman_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="0.25"} 2');
    expect(text).toContain('bisman_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="10"} 2');
    expect(text).toContain('bisman_http_request_duration_seconds_bucket{route="/api/health",method="GET",le="+Inf"} 3');
    expect(text).toContain('bisman_http_request_duration_seconds_count{route="/api/health",method="GET"} 3');
    expect(text).toMatch(/bisman_http_request_duration_seconds_sum\{route="\/api\/health",method="GET"\} 20\.203/);
  });

  it("renders gauges with HELP and TYPE, escaping label values", () => {
    const text = renderMetrics([{ name: "bisman_x", help: "An example.", samples: [{ labels: { shard: 'a"b\\c' }, value: 3 }] }]);
    expect(text).toContain("# HELP bisman_x An example.\n# TYPE bisman_x gauge\n");
    expect(text).toContain('bisman_x{shard="a\\"b\\\\c"} 3\n');
    expect(text.endsWith("\n")).toBe(true);
  });
});
