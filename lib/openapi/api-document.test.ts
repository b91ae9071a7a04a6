import { randomBytes } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { ZodOpenApiPathItemObject } from "zod-openapi";
import { newApiKey } from "@/lib/api-keys/api-key-format";
import { saveEventSecretToken } from "@/lib/zoom-apps/event-secret-token";
import { AnswerLog } from "@/testing/openapi/answer-log";
import { apiRouteFiles, HTTP_METHODS, routeParams } from "@/testing/openapi/api-route-files";
import { setupTokenTest } from "@/testing/credentials/tokens/token-fixture";
import { seedConnections } from "@/testing/keeper/seed-connections";
import { signEvent } from "@/testing/zoom-emulator/events";
import { OAUTH_APP, USER } from "@/testing/zoom-emulator/fixture";
import { API_PATHS, apiDocument, NOT_FOR_MACHINES } from "./api-document";

// The document against the real routes, so it cannot drift: every route is described (or named
// as not for machines), every described method is exported, and — calling the route handlers
// against a real database and the Zoom emulator — every answer is described and every described
// status is answered.

const t = setupTokenTest();
const routes = apiRouteFiles();
type Handler = (
  request: NextRequest,
  context: { params: Promise<Record<string, unknown>> },
) => Promise<Response>;
const routeOf = (template: string) => {
  const route = routes.find((r) => r.template === template);
  if (!route) throw new Error(`no route file for ${template}`);
  return route;
};
const handlers = async (template: string) =>
  (await import(/* @vite-ignore */ routeOf(template).file)) as Record<string, Handler | undefined>;

describe("the OpenAPI document", () => {
  it("describes every route under app/api, or names it as not for machines", () => {
    const walked = routes.map((r) => r.template).sort();
    expect(walked).toEqual([...Object.keys(API_PATHS), ...Object.keys(NOT_FOR_MACHINES)].sort());
  });

  it("describes exactly the methods each route file exports", async () => {
    for (const [template, item] of Object.entries(API_PATHS) as [string, ZodOpenApiPathItemObject][]) {
      const routeModule = await handlers(template);
      const exported = HTTP_METHODS.filter((method) => typeof routeModule[method] === "function");
      const described = HTTP_METHODS.filter((method) => item[method.toLowerCase() as "get"]);
      expect(described, template).toEqual(exported);
    }
  });

  it("answers every described status and only described ones, with the described bodies", async () => {
    const log = new AnswerLog(API_PATHS);
    (globalThis as unknown as { zcwDb?: unknown }).zcwDb = t.db;
    const call = async (method: string, template: string, path: string, init: RequestInit = {}) => {
      const handler = (await handlers(template))[method]!;
      const request = new NextRequest(`http://app.test${path}`, { method, ...init } as ConstructorParameters<
        typeof NextRequest
      >[1]);
      return log.record(
        method,
        template,
        await handler(request, { params: Promise.resolve(routeParams(routeOf(template), path)) }),
      );
    };

    // Three connections of one workspace (ids as the app makes them: seed-connections.ts): one
    // fresh, one a person must reconnect, one whose token ran out (Zoom will be away for it).
    const [goodId, brokenId, awayId] = await seedConnections(
      t.db,
      t.emulator.control,
      {
        clientId: OAUTH_APP.clientId,
        clientSecret: OAUTH_APP.clientSecret,
        userId: USER.id,
        accountId: USER.accountId,
      },
      [{}, { status: "needs_reconnect" }, { accessTokenExpiresAt: new Date(Date.now() - 60_000) }],
    );
    const good = { id: goodId! };
    const broken = { id: brokenId! };
    const away = { id: awayId! };
    const { ownerId, workspaceId } = await t.db.credential.findUniqueOrThrow({ where: { id: good.id } });
    const key = async (actions: string) => {
      const made = newApiKey();
      await t.db.apiKey.create({
        data: {
          workspaceId,
          name: actions,
          prefix: made.prefix,
          keyHash: made.keyHash,
          createdById: ownerId,
          actions,
        },
      });
      return { authorization: `Bearer ${made.key}` };
    };
    const full = await key("token proxy");
    const tokenOnly = await key("token");
    const proxyOnly = await key("proxy");

    // The token API.
    const list = "/api/v1/credentials";
    await call("GET", list, list, { headers: full });
    await call("GET", list, list);
    const token = "/api/v1/credentials/{id}/token";
    await call("GET", token, `/api/v1/credentials/${good.id}/token`, { headers: full });
    await call("GET", token, `/api/v1/credentials/${good.id}/token`);
    await call("GET", token, `/api/v1/credentials/${good.id}/token`, { headers: proxyOnly });
    await call("GET", token, `/api/v1/credentials/nosuchcredential/token`, { headers: full });
    await call("GET", token, `/api/v1/credentials/${good.id}/token`, {
      headers: { ...full, "Zoom-Refused-Token": "x".repeat(5000) },
    });
    await call("GET", token, `/api/v1/credentials/${broken.id}/token`, { headers: full });

    // Zoom is away and the token has run out: 503 (and then the back-off keeps it so).
    await t.emulator.control.addFault({ target: "token", kind: "500", count: 1 });
    await call("GET", token, `/api/v1/credentials/${away.id}/token`, { headers: full });

    // The proxy, each method.
    const proxy = "/api/v1/credentials/{id}/zoom/{path}";
    const at = (id: string, path = "users/me") => `/api/v1/credentials/${id}/zoom/${path}`;
    for (const method of ["GET", "POST", "PATCH", "PUT", "DELETE"]) {
      await call(method, proxy, at(good.id), { headers: full });
      await call(method, proxy, at(good.id, "users%2Fme"), { headers: full });
      await call(method, proxy, at(good.id));
      await call(method, proxy, at(good.id), { headers: tokenOnly });
      await call(method, proxy, at("nosuchcredential"), { headers: full });
      await call(method, proxy, at(broken.id), { headers: full });
      await call(method, proxy, at(away.id), { headers: full });
      if (method !== "GET")
        await call(method, proxy, at(good.id, "users/me/meetings"), {
          headers: { ...full, "Content-Type": "application/json" },
          body: JSON.stringify({ topic: "x".repeat(1024 * 1024) }),
        });
      // Zoom's own answer: a 429 with its Retry-After comes back as it is.
      await t.emulator.control.addFault({ target: "api", kind: "429", count: 1 });
      await call(method, proxy, at(good.id), { headers: full });
      // Zoom holds the request open: the proxy's 30 s wait, shortened to 50 ms.
      await t.emulator.control.addFault({ target: "api", kind: "timeout", count: 1 });
      const timeout = AbortSignal.timeout.bind(AbortSignal);
      const shortened = vi.spyOn(AbortSignal, "timeout").mockImplementation(() => timeout(50));
      await call(method, proxy, at(good.id), { headers: full });
      shortened.mockRestore();
      // Nothing listens where Zoom should be.
      vi.stubEnv("ZOOM_API_BASE_URL", "http://127.0.0.1:9/v2");
      await call(method, proxy, at(good.id), { headers: full });
      vi.stubEnv("ZOOM_API_BASE_URL", t.emulator.config.apiBaseUrl);
    }

    // Zoom's events.
    const events = "/api/zoom/events/{appId}";
    const app = await t.db.zoomApp.create({
      data: {
        workspaceId: workspaceId,
        createdById: ownerId,
        name: "Events",
        kind: "oauth",
        developmentClientId: `c${randomBytes(6).toString("hex")}`,
      },
    });
    const secretToken = "openapi-test-secret-token";
    await saveEventSecretToken(t.db, { workspaceId: workspaceId, zoomAppId: app.id, secretToken });
    const signed = (body: string, signature?: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      return {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "x-zm-request-timestamp": timestamp,
          "x-zm-signature": signature ?? signEvent(secretToken, timestamp, body),
        },
      };
    };
    const validation = JSON.stringify({ event: "endpoint.url_validation", payload: { plainToken: "abc" } });
    await call("POST", events, `/api/zoom/events/${app.id}`, signed(validation));
    await call("POST", events, `/api/zoom/events/${app.id}`, signed(JSON.stringify({ not: "an event" })));
    await call("POST", events, `/api/zoom/events/${app.id}`, signed(validation, "v0=forged"));
    await call("POST", events, `/api/zoom/events/nosuchapp`, signed(validation));
    await call("POST", events, `/api/zoom/events/${app.id}`, signed("x".repeat(70 * 1024)));

    // The constant routes.
    await call("GET", "/api/health", "/api/health");
    const served = await call("GET", "/api/v1/openapi.json", "/api/v1/openapi.json");
    expect(await served.json()).toEqual(JSON.parse(JSON.stringify(apiDocument())));

    // Metrics read METRICS_TOKEN once per module graph: off, then on.
    for (const metricsToken of [undefined, "openapi-metrics-token-0123456789"]) {
      vi.resetModules();
      vi.stubEnv("METRICS_TOKEN", metricsToken);
      const metrics = "/api/metrics";
      await call("GET", metrics, metrics, { headers: { authorization: "Bearer wrong" } });
      if (metricsToken)
        await call("GET", metrics, metrics, { headers: { authorization: `Bearer ${metricsToken}` } });
    }

    expect(log.disagreements()).toEqual([]);
  }, 120_000);
});
