import { db } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";
import { bearerMatches, updateFleetGauges } from "@/lib/metrics/scrape";

export const dynamic = "force-dynamic";

/**
 * GET /api/metrics — Prometheus text format. Off (404) unless METRICS_TOKEN
 * is set; scrapers send `Authorization: Bearer <METRICS_TOKEN>`.
 */
export async function GET(request: Request) {
  const env = getEnv();
  if (!env.metricsToken) return new Response("Not found.\n", { status: 404 });
  if (!bearerMatches(request.headers.get("authorization"), env.metricsToken))
    return new Response("Send Authorization: Bearer <METRICS_TOKEN>.\n", {
      status: 401,
      headers: { "WWW-Authenticate": 'Bearer realm="metrics"' },
    });
  await updateFleetGauges(db(), new Date(), env.keeperIntervalSeconds);
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
}
