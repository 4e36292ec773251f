import { createHash, timingSafeEqual } from "node:crypto";
import { config } from "../config";
import { AppError } from "../errors";

// Who may scrape /api/metrics: whoever presents METRICS_TOKEN as a bearer
// token. Metrics name shards and count tenants, so they are never public; with
// no token configured the endpoint does not exist (404).

const digest = (s: string) => createHash("sha256").update(s).digest();

export function metricsAccess(headers: Headers): void {
  const expected = config().METRICS_TOKEN;
  if (!expected) throw new AppError("not_found", "Metrics are off: set METRICS_TOKEN to enable /api/metrics.");
  const given = /^Bearer (.+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (!given) throw new AppError("unauthorized", "Send the metrics token as a bearer token.", { headers: { "www-authenticate": "Bearer" } });
  // Equal-length digests: the comparison's time says nothing about the token.
  if (!timingSafeEqual(digest(given), digest(expected))) throw new AppError("forbidden", "That is not the metrics token.");
}
