import path from "node:path";

/**
 * Where the end-to-end run keeps its data, and which database it uses:
 * DATABASE_URL when it is set (CI's PostgreSQL run), otherwise a SQLite file
 * of its own. Tests wipe that database, so they refuse anything non-local.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4100);
// 127.0.0.1, as the app's default: Zoom may refuse plain http://localhost redirects (2026).
// The browser must use exactly this host, or next-auth's cookies do not come back.
export const E2E_APP_URL = `http://127.0.0.1:${E2E_PORT}`;
export const E2E_EMULATOR_URL = `http://127.0.0.1:${E2E_EMULATOR_PORT}`;
// The notification sink (e2e/support/notification-sink.ts): SMTP for email, HTTP for webhooks.
export const E2E_SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? E2E_PORT + 2300);
export const E2E_SINK_PORT = Number(process.env.E2E_SINK_PORT ?? E2E_PORT + 2200);
export const E2E_SINK_URL = `http://127.0.0.1:${E2E_SINK_PORT}`;
// Per port, so two suites on different ports never wipe each other's database.
export const E2E_DATA_DIR = path.resolve(".e2e-data", String(E2E_PORT));

export function e2eDatabaseUrl(): string {
  const url = process.env.DATABASE_URL ?? `file:${path.join(E2E_DATA_DIR, "app.db")}`;
  if (!url.startsWith("file:")) {
    const host = new URL(url).hostname;
    if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host)) {
      throw new Error(
        `The end-to-end tests wipe their database; refusing to run against ${host}. Use a local database.`,
      );
    }
  }
  return url;
}

/** The environment both the app server and the test workers see. */
export function e2eEnv(): Record<string, string> {
  return {
    DATA_DIR: E2E_DATA_DIR,
    DATABASE_URL: e2eDatabaseUrl(),
    PORT: String(E2E_PORT),
    APP_URL: E2E_APP_URL,
    ZOOM_OAUTH_BASE_URL: E2E_EMULATOR_URL,
    ZOOM_API_BASE_URL: `${E2E_EMULATOR_URL}/v2`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Tests move token expiry themselves; the background keeper would race them.
    KEEPER_INTERVAL_SECONDS: "0",
    // Notifications go to the local sink, quickly; its address is loopback.
    SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
    MAIL_FROM: "Zoom Credential Wizard <wizard@example.com>",
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "1",
    NOTIFY_INTERVAL_SECONDS: "1",
    // Pushes to n8n go at once; the interval only picks up retries, and quickly.
    N8N_PUSH_INTERVAL_SECONDS: "1",
  };
}
