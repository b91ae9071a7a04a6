import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { OAUTH_APP, USER } from "@/testing/zoom-emulator/fixture";
import { newApiKey } from "@/lib/api-keys/api-key-format";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { keeperTick } from "@/lib/keeper/keeper-tick";
import { seedConnections } from "@/testing/keeper/seed-connections";
import { metrics } from "./registry";

const t = setupTokenTest();
const TOKEN = "metrics-token-for-the-tests-0123456789";

/** The metrics route as a fresh module graph reads it, with METRICS_TOKEN as given. */
async function loadRoute(metricsToken?: string) {
  vi.resetModules();
  if (metricsToken) vi.stubEnv("METRICS_TOKEN", metricsToken);
  else vi.stubEnv("METRICS_TOKEN", undefined);
  (globalThis as unknown as { zcwDb?: unknown }).zcwDb = t.db;
  return (await import("@/app/api/metrics/route")).GET;
}

const scrape = (GET: (request: Request) => Promise<Response>, authorization?: string) =>
  GET(new Request("http://app.test/api/metrics", { headers: authorization ? { authorization } : {} }));

/** One sample's value from the text format, 0 when absent. */
function sample(text: string, name: string, labels = ""): number {
  const line = text.split("\n").find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ""} `));
  return line ? Number(line.split(" ").at(-1)) : 0;
}

describe("GET /api/metrics", () => {
  it("is off (404) without METRICS_TOKEN", async () => {
    const GET = await loadRoute();
    expect((await scrape(GET, `Bearer ${TOKEN}`)).status).toBe(404);
  });

  it("answers 401 without the token or with a wrong one", async () => {
    const GET = await loadRoute(TOKEN);
    expect((await scrape(GET)).status).toBe(401);
    expect((await scrape(GET, `Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await scrape(GET, `Bearer ${TOKEN.slice(0, -1)}`)).status).toBe(401);
    expect((await scrape(GET, TOKEN)).status).toBe(401);
    const ok = await scrape(GET, `Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/plain");
  });

  it("keeps one registry across module copies (Next bundles modules more than once)", async () => {
    const first = metrics();
    vi.resetModules();
    const again = (await import("./registry")).metrics();
    expect(again).toBe(first);
  });

  it("counts a renewal, Zoom's call, and token API answers; gauges the fleet by status and the backlog", async () => {
    const GET = await loadRoute(TOKEN);
    const now = Date.now();
    const [used] = await seedConnections(
      t.db,
      t.emulator.control,
      {
        clientId: OAUTH_APP.clientId,
        clientSecret: OAUTH_APP.clientSecret,
        userId: USER.id,
        accountId: USER.accountId,
      },
      [
        {
          lastUsedAt: new Date(now - 60_000),
          accessTokenExpiresAt: new Date(now + 60_000),
          keeperDueAt: new Date(now - 60_000),
        },
      ],
    );
    const before = await (await scrape(GET, `Bearer ${TOKEN}`)).text();

    expect(await keeperTick(t.db)).toMatchObject({ renewed: 1 });
    const row = await t.db.credential.findUniqueOrThrow({ where: { id: used! } });
    const { key, prefix, keyHash } = newApiKey();
    await t.db.apiKey.create({
      data: { workspaceId: row.workspaceId, name: "metrics", prefix, keyHash, createdById: row.ownerId },
    });
    const { GET: getToken } = await import("@/app/api/v1/credentials/[id]/token/route");
    const call = (authorization: string) =>
      getToken(
        new NextRequest(`http://app.test/api/v1/credentials/${used}/token`, { headers: { authorization } }),
        { params: Promise.resolve({ id: used! }) },
      );
    expect((await call(`Bearer ${key}`)).status).toBe(200);
    expect((await call("Bearer zcw_wrongkey_nope")).status).toBe(401);
    // A connection the keeper should have taken an hour ago.
    await t.db.credential.update({ where: { id: used! }, data: { keeperDueAt: new Date(now - 3_600_000) } });

    const after = await (await scrape(GET, `Bearer ${TOKEN}`)).text();
    const moved = (name: string, labels = "") => sample(after, name, labels) - sample(before, name, labels);
    expect(moved("zcw_token_renewals_total", 'result="renewed"')).toBe(1);
    expect(moved("zcw_token_renewal_duration_seconds_count")).toBe(1);
    expect(moved("zcw_zoom_calls_total", 'endpoint="token",result="200"')).toBe(1);
    expect(moved("zcw_token_api_requests_total", 'status="200"')).toBe(1);
    expect(moved("zcw_token_api_requests_total", 'status="401"')).toBe(1);
    expect(moved("zcw_token_api_request_duration_seconds_count")).toBe(2);
    const connected = await t.db.credential.count({ where: { status: "connected" } });
    expect(sample(after, "zcw_connections", 'status="connected"')).toBe(connected);
    expect(sample(after, "zcw_connections", 'status="revoked"')).toBe(0);
    expect(sample(after, "zcw_keeper_backlog")).toBe(1);
  });
});
