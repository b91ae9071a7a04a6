import { Counter, Gauge, Histogram, Registry } from "prom-client";

/**
 * The app's Prometheus metrics, in one registry kept on globalThis: Next
 * bundles a module once per route (and again on hot reload), and metrics
 * registered twice would throw or, worse, count in two places.
 */
function build() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    renewals: new Counter({
      name: "zcw_token_renewals_total",
      help: "OAuth and Server-to-Server token renewals, by result",
      labelNames: ["result"] as const,
      registers,
    }),
    renewalSeconds: new Histogram({
      name: "zcw_token_renewal_duration_seconds",
      help: "Time of one renewal: Zoom's answer and storing the new token",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    keeperRounds: new Counter({
      name: "zcw_keeper_rounds_total",
      help: "Keeper rounds on this instance, by outcome (finished, unfinished: out of time with work left, failed)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    keeperJobs: new Counter({
      name: "zcw_keeper_jobs_total",
      help: "Connections the keeper handled, by action (renew, keep_alive, test, none) and result",
      labelNames: ["action", "result"] as const,
      registers,
    }),
    keeperRoundSeconds: new Histogram({
      name: "zcw_keeper_round_duration_seconds",
      help: "Wall time of one keeper round on this instance",
      buckets: [0.1, 0.5, 1, 5, 15, 30, 60, 120],
      registers,
    }),
    connections: new Gauge({
      name: "zcw_connections",
      help: "Credentials by status (computed when scraped)",
      labelNames: ["status"] as const,
      registers,
    }),
    keeperBacklog: new Gauge({
      name: "zcw_keeper_backlog",
      help: "Connections past due for the keeper by more than one keeper interval (computed when scraped)",
      registers,
    }),
    tokenApiRequests: new Counter({
      name: "zcw_token_api_requests_total",
      help: "Token API requests (GET /api/v1/credentials/{id}/token), by HTTP status",
      labelNames: ["status"] as const,
      registers,
    }),
    tokenApiSeconds: new Histogram({
      name: "zcw_token_api_request_duration_seconds",
      help: "Token API answer time",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    }),
    zoomCalls: new Counter({
      name: "zcw_zoom_calls_total",
      help: "Calls to Zoom, by endpoint and result (HTTP status, or network_error)",
      labelNames: ["endpoint", "result"] as const,
      registers,
    }),
  };
}

export type AppMetrics = ReturnType<typeof build>;

const holder = globalThis as unknown as { zcwMetrics?: AppMetrics };

export function metrics(): AppMetrics {
  holder.zcwMetrics ??= build();
  return holder.zcwMetrics;
}
