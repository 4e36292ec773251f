// GET /api/health: 200 when the enterprise database answers, else 503 problem+json.
import { enterpriseDb } from "@/lib/enterprise/db";
import { AppError, problemResponse } from "@/lib/errors";
import { log } from "@/lib/observability/log";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    await enterpriseDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (err) {
    log.error("health check failed", { err });
    return problemResponse(new AppError("unavailable", "The enterprise database is not answering."));
  }
}
