import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import { isJsonRequest, readRawBody, sendJson } from "./http-utils";
import type { EmulatorState } from "./state";
import { FAULT_KINDS, FAULT_TARGETS, type EmulatorApp } from "./types";

const appFields = z.object({
  clientSecret: z.string().min(1),
  type: z.enum(["oauth", "s2s"]),
  name: z.string().min(1).optional(),
  redirectUrls: z.array(z.string()).optional(),
  allowList: z.array(z.string()).optional(),
  scopes: z.array(z.string()),
  accountId: z.string().min(1).optional(),
  activated: z.boolean().optional(),
  disabled: z.boolean().optional(),
});
const appInput = appFields.extend({ clientId: z.string().min(1) });
const userInput = z.object({
  id: z.string().min(1),
  email: z.string().min(3),
  firstName: z.string(),
  lastName: z.string(),
  accountId: z.string().min(1),
  picUrl: z.string().optional(),
});
const faultInput = z.object({
  target: z.enum(FAULT_TARGETS),
  kind: z.enum(FAULT_KINDS),
  count: z.number().int().min(1).default(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  clientId: z.string().optional(),
});
const clockInput = z.object({ offsetSeconds: z.number().optional(), advanceSeconds: z.number().optional() });

type Reply = [status: number, body: unknown];

function upsertApp(state: EmulatorState, input: z.infer<typeof appInput>): Reply {
  if (input.type === "s2s" && !input.accountId) return [400, { error: "accountId is required for s2s apps" }];
  const redirectUrls = input.redirectUrls ?? [];
  const app: EmulatorApp = {
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    type: input.type,
    name: input.name ?? (input.type === "oauth" ? "Test OAuth App" : "Test Server-to-Server App"),
    redirectUrls,
    // The Marketplace fills the allow list from the redirect URL unless changed.
    allowList: input.allowList ?? [...redirectUrls],
    scopes: input.scopes,
    accountId: input.accountId ?? null,
    activated: input.activated ?? true,
    disabled: input.disabled ?? false,
  };
  state.apps.set(app.clientId, app);
  return [200, app];
}

function patchApp(state: EmulatorState, clientId: string, body: unknown): Reply {
  const app = state.apps.get(clientId);
  if (!app) return [404, { error: `no app ${clientId}` }];
  const parsed = appFields.partial().safeParse(body);
  if (!parsed.success) return [400, { error: z.prettifyError(parsed.error) }];
  const patch = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined));
  const updated = { ...app, ...patch };
  state.apps.set(clientId, updated);
  return [200, updated];
}

function route(state: EmulatorState, method: string, path: string, body: unknown): Reply {
  const parse = <T>(schema: z.ZodType<T>): T | Reply => {
    const parsed = schema.safeParse(body);
    return parsed.success ? parsed.data : [400, { error: z.prettifyError(parsed.error) }];
  };
  const key = `${method} ${path}`;
  if (key === "POST /reset") {
    state.reset();
    return [200, { ok: true }];
  }
  if (key === "POST /apps") {
    const input = parse(appInput);
    return Array.isArray(input) ? input : upsertApp(state, input);
  }
  const appPath = /^\/apps\/([^/]+)$/.exec(path);
  if (method === "PATCH" && appPath?.[1]) return patchApp(state, decodeURIComponent(appPath[1]), body);
  if (key === "POST /users") {
    const input = parse(userInput);
    if (Array.isArray(input)) return input;
    state.users.set(input.id, input);
    return [200, input];
  }
  if (key === "POST /signed-in-user") {
    const input = parse(z.object({ userId: z.string().nullable(), clientId: z.string().optional() }));
    if (Array.isArray(input)) return input;
    if (input.userId !== null && !state.users.has(input.userId))
      return [404, { error: `no user ${input.userId}` }];
    if (input.clientId) {
      if (input.userId === null) state.signedInByApp.delete(input.clientId);
      else state.signedInByApp.set(input.clientId, input.userId);
    } else state.signedInUserId = input.userId;
    return [200, { signedInUserId: input.userId }];
  }
  if (key === "POST /faults") {
    const input = parse(faultInput);
    if (Array.isArray(input)) return input;
    const { count, retryAfterSeconds, delayMs, clientId, ...rest } = input;
    state.faults.push({
      ...rest,
      remaining: count,
      retryAfterSeconds: retryAfterSeconds ?? null,
      delayMs: delayMs ?? null,
      clientId: clientId ?? null,
    });
    return [200, { faults: state.faults }];
  }
  if (key === "DELETE /faults") {
    state.faults = [];
    state.releaseHanging();
    return [200, { faults: [] }];
  }
  if (key === "GET /counters") return [200, state.counters];
  // Per app: GET /counters/<clientId>.
  if (key.startsWith("GET /counters/"))
    return [200, state.clientCounters(decodeURIComponent(key.slice("GET /counters/".length)))];
  if (key === "DELETE /counters") {
    state.counters = {
      authorize: 0,
      token: { authorization_code: 0, refresh_token: 0, account_credentials: 0, other: 0 },
      revoke: 0,
      usersMe: 0,
    };
    return [200, state.counters];
  }
  if (key === "POST /clock") {
    const input = parse(clockInput);
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
  const [status, reply] = route(state, req.method ?? "GET", url.pathname.slice("/__emulator".length), body);
  sendJson(res, status, reply);
}
