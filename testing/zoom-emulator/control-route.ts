import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { appInput, patchApp, upsertApp } from "./control-apps";
import { handleEventControl } from "./control-events";
import { mintTokenSets } from "./control-token-sets";
import { isJsonRequest, readRawBody, sendJson } from "./http-utils";
import { zeroCounters, type EmulatorState } from "./state";
import { FAULT_KINDS, FAULT_TARGETS } from "./types";

const userInput = z.object({
  id: z.string().min(1),
  email: z.string().min(3),
  firstName: z.string(),
  lastName: z.string(),
  accountId: z.string().min(1),
  role: z.enum(["owner", "admin", "member"]).default("owner"),
  picUrl: z.string().optional(),
});
const accountInput = z.object({
  id: z.string().min(1),
  preApprovalRequired: z.boolean().default(false),
  approvedApps: z.array(z.string()).default([]),
});
const faultInput = z.object({
  target: z.enum(FAULT_TARGETS),
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  clientId: z.string().optional(),
});
const settingsInput = z.object({
  refuseLocalhost: z.boolean().optional(),
  eventRetryDelayMs: z.number().int().min(0).max(60_000).optional(),
});
const clockInput = z.object({ offsetSeconds: z.number().optional(), advanceSeconds: z.number().optional() });

export type Reply = [status: number, body: unknown];

export function parseWith<T>(schema: z.ZodType<T>, body: unknown): T | Reply {
  const parsed = schema.safeParse(body);
  return parsed.success ? parsed.data : [400, { error: z.prettifyError(parsed.error) }];
}

function faults(state: EmulatorState, method: string, body: unknown, url: URL): Reply {
  if (method === "DELETE") {
    // With ?clientId= only that app's faults and held requests go: a parallel spec's stay.
    const clientId = url.searchParams.get("clientId");
    const appKey = clientId ? (state.appKeyOf(clientId) ?? clientId) : undefined;
    state.faults = appKey === undefined ? [] : state.faults.filter((f) => f.appKey !== appKey);
    state.releaseHanging(appKey);
    return [200, { faults: state.faults }];
  }
  const input = parseWith(faultInput, body);
  if (Array.isArray(input)) return input;
  const { count, retryAfterSeconds, delayMs, clientId, ...rest } = input;
  state.faults.push({
    ...rest,
    remaining: count,
    retryAfterSeconds: retryAfterSeconds ?? null,
    delayMs: delayMs ?? null,
    appKey: state.appKeyOf(clientId),
  });
  return [200, { faults: state.faults }];
}

function route(state: EmulatorState, method: string, path: string, body: unknown, url: URL): Reply {
  const key = `${method} ${path}`;
  if (key === "POST /reset") {
    state.reset();
    return [200, { ok: true }];
  }
  if (key === "POST /apps") {
    const input = parseWith(appInput, body);
    return Array.isArray(input) ? input : upsertApp(state, input);
  }
  // Zoom stops accepting the app's current access tokens (refresh tokens still work): the next
  // API call with one gets 401 code 124, as after an expiry the app did not see coming.
  const expirePath = /^\/apps\/([^/]+)\/expire-access-tokens$/.exec(path);
  if (method === "POST" && expirePath?.[1]) {
    const appKey = state.appKeyOf(decodeURIComponent(expirePath[1]));
    let expired = 0;
    for (const set of state.tokenSets.values())
      if (set.appKey === appKey && set.status === "live" && set.accessExpiresAtMs > state.now()) {
        set.accessExpiresAtMs = state.now() - 1;
        expired++;
      }
    return [200, { expired }];
  }
  const appPath = /^\/apps\/([^/]+)$/.exec(path);
  if (method === "PATCH" && appPath?.[1]) return patchApp(state, decodeURIComponent(appPath[1]), body);
  if (key === "POST /users") {
    const input = parseWith(userInput, body);
    if (Array.isArray(input)) return input;
    state.users.set(input.id, input);
    return [200, input];
  }
  if (key === "POST /accounts") {
    const input = parseWith(accountInput, body);
    if (Array.isArray(input)) return input;
    state.accounts.set(input.id, input);
    return [200, input];
  }
  if (key === "POST /signed-in-user") {
    const input = parseWith(
      z.object({ userId: z.string().nullable(), clientId: z.string().optional() }),
      body,
    );
    if (Array.isArray(input)) return input;
    if (input.userId !== null && !state.users.has(input.userId))
      return [404, { error: `no user ${input.userId}` }];
    const appKey = state.appKeyOf(input.clientId);
    if (appKey) {
      if (input.userId === null) state.signedInByApp.delete(appKey);
      else state.signedInByApp.set(appKey, input.userId);
    } else state.signedInUserId = input.userId;
    return [200, { signedInUserId: input.userId }];
  }
  if (path === "/faults" && (method === "POST" || method === "DELETE"))
    return faults(state, method, body, url);
  if (key === "POST /settings") {
    const input = parseWith(settingsInput, body);
    if (Array.isArray(input)) return input;
    state.settings = {
      ...state.settings,
      ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    };
    return [200, state.settings];
  }
  if (key === "GET /counters") return [200, state.counters];
  // Per app, by any of its client ids: GET /counters/<clientId>.
  if (key.startsWith("GET /counters/")) {
    const [, perApp] = state.countersFor(decodeURIComponent(key.slice("GET /counters/".length)));
    return [200, perApp];
  }
  if (key === "DELETE /counters") {
    state.counters = zeroCounters();
    return [200, state.counters];
  }
  if (key === "POST /clock") {
    const input = parseWith(clockInput, body);
    if (Array.isArray(input)) return input;
    // offsetSeconds sets the offset from real time; advanceSeconds adds to it.
    if (input.offsetSeconds !== undefined) state.clockOffsetMs = input.offsetSeconds * 1000;
    if (input.advanceSeconds !== undefined) state.clockOffsetMs += input.advanceSeconds * 1000;
    return [200, { offsetSeconds: state.clockOffsetMs / 1000, now: new Date(state.now()).toISOString() }];
  }
  if (key === "GET /state") return [200, state.snapshot()];
  return [404, { error: `unknown control route ${key}` }];
}

/** The control API under /__emulator/: JSON in, JSON out. */
export async function handleControl(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const raw = await readRawBody(req);
  let body: unknown = null;
  if (raw.length > 0) {
    if (!isJsonRequest(req))
      return sendJson(res, 415, { error: "send JSON with Content-Type: application/json" });
    try {
      body = JSON.parse(raw) as unknown;
    } catch {
      return sendJson(res, 400, { error: "body is not valid JSON" });
    }
  }
  const method = req.method ?? "GET";
  const path = url.pathname.slice("/__emulator".length);
  // Event routes wait for Zoom-like deliveries (seconds), so they are async.
  const [status, reply] =
    method === "POST" && path === "/token-sets"
      ? await mintTokenSets(state, body)
      : ((await handleEventControl(state, method, path, body, url)) ?? route(state, method, path, body, url));
  sendJson(res, status, reply);
}
