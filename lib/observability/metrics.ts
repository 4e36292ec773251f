// In-process metrics in the Prometheus text format (served by /api/metrics).
// A few counters and one histogram do not need a client library: this module
// keeps them per process (each app instance is scraped on its own) and renders
// them. Labels are bounded by construction: `route` is a route file's pattern
// (e.g. /api/client/transactions/[id]), never a raw path.

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  counts: number[];
  sum: number;
  count: number;
}

interface Registry {
  requests: Map<string, number>;
  durations: Map<string, Histogram>;
}

const g = globalThis as unknown as { bismanMetrics?: Registry };
function registry(): Registry {
  g.bismanMetrics ??= { requests: new Map(), durations: new Map() };
  return g.bismanMetrics;
}

/**
 * The route pattern of a request: each path segment that is the value of a
 * dynamic param becomes `[name]`, so ids (and junk sent in their place) never
 * become label values.
 */
export function routePattern(pathname: string, params: Record<string, string | string[] | undefined>): string {
  const byValue = new Map<string, string>();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) byValue.set(v, name);
  }
  return pathname
    .split("/")
    .map((segment) => {
      let decoded = segment;
      try {
        decoded = decodeURIComponent(segment);
      } catch {
        /* keep it raw */
      }
      const name = byValue.get(decoded);
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

const key = (labels: Record<string, string>) => JSON.stringify(labels);

/** Counts one answered API request and its duration. */
export function recordRequest(route: string, method: string, status: number, seconds: number): void {
  const r = registry();
  const reqKey = key({ route, method, status: String(status) });
  r.requests.set(reqKey, (r.requests.get(reqKey) ?? 0) + 1);
  const durKey = key({ route, method });
  let h = r.durations.get(durKey);
  if (!h) r.durations.set(durKey, (h = { counts: BUCKETS.map(() => 0), sum: 0, count: 0 }));
  BUCKETS.forEach((le, i) => {
    if (seconds <= le) h.counts[i]! += 1;
  });
  h.sum += seconds;
  h.count += 1;
}

/** Drops every recorded sample (tests). */
export function resetMetrics(): void {
  registry().requests.clear();
  registry().durations.clear();
}

export interface Gauge {
  name: string;
  help: string;
  /** One sample per label set ({} for none). */
  samples: { labels?: Record<string, string>; value: number }[];
  type?: "gauge" | "counter";
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function labelText(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(",")}}` : "";
}

/** The exposition text: the request metrics of this process, then the given gauges. */
export function renderMetrics(gauges: Gauge[]): string {
  const r = registry();
  const out: string[] = [];
  out.push("# HELP bisman_http_requests_total API requests answered, by route pattern, method and status.", "# TYPE bisman_http_requests_total counter");
  for (const [k, n] of r.requests) out.push(`bisman_http_requests_total${labelText(JSON.parse(k))} ${n}`);
  out.push("# HELP bisman_http_request_duration_seconds Time to answer an API request.", "# TYPE bisman_http_request_duration_seconds histogram");
  for (const [k, h] of r.durations) {
    const labels = JSON.parse(k) as Record<string, string>;
    BUCKETS.forEach((le, i) => out.push(`bisman_http_request_duration_seconds_bucket${labelText({ ...labels, le: String(le) })} ${h.counts[i]}`));
    out.push(`bisman_http_request_duration_seconds_bucket${labelText({ ...labels, le: "+Inf" })} ${h.count}`);
    out.push(`bisman_http_request_duration_seconds_sum${labelText(labels)} ${h.sum}`);
    out.push(`bisman_http_request_duration_seconds_count${labelText(labels)} ${h.count}`);
  }
  for (const gauge of gauges) {
    out.push(`# HELP ${gauge.name} ${gauge.help}`, `# TYPE ${gauge.name} ${gauge.type ?? "gauge"}`);
    for (const s of gauge.samples) out.push(`${gauge.name}${labelText(s.labels)} ${s.value}`);
  }
  return out.join("\n") + "\n";
}
