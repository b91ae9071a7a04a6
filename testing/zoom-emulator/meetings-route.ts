import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "./faults";
import { isJsonRequest, readRawBody, sendJson } from "./http-utils";
import type { EmulatorState } from "./state";
import type { MeetingRecord, TokenSetRecord } from "./types";

// A user's token passes with the granular or the classic name; an account's
// (Server-to-Server) token with the ":admin" names.
const SCOPES = {
  read: {
    user: ["meeting:read:list_meetings", "meeting:read:meeting", "meeting:read"],
    admin: ["meeting:read:list_meetings:admin", "meeting:read:meeting:admin", "meeting:read:admin"],
  },
  write: {
    user: ["meeting:write:meeting", "meeting:write"],
    admin: ["meeting:write:meeting:admin", "meeting:write:admin"],
  },
};
// Zoom's rate-limit headers: meeting calls are in the "Medium" bucket.
const RATE_HEADERS = { "x-ratelimit-category": "Medium", "x-ratelimit-type": "QPS" };

const invalidToken = (message = "Invalid access token.") => ({ code: 124, message });

function meetingJson(meeting: MeetingRecord, selfUrl: string): Record<string, unknown> {
  return {
    uuid: Buffer.from(`uuid-${meeting.id}`).toString("base64"),
    id: meeting.id,
    host_id: meeting.hostId,
    topic: meeting.topic,
    type: meeting.type,
    status: "waiting",
    ...(meeting.startTime ? { start_time: meeting.startTime } : {}),
    ...(meeting.duration !== null ? { duration: meeting.duration } : {}),
    timezone: meeting.timezone,
    agenda: meeting.agenda,
    created_at: meeting.createdAt,
    join_url: `${selfUrl}/j/${meeting.id}`,
  };
}

/** The live token set of a Bearer header, or the 401 (code 124) Zoom answers. */
function tokenSet(state: EmulatorState, req: IncomingMessage, url: URL): TokenSetRecord | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  const set = match?.[1] ? state.byAccessToken.get(match[1]) : undefined;
  if (url.searchParams.has("access_token") || !set || set.status !== "live") return null;
  if (set.accessExpiresAtMs <= state.now()) return null;
  const app = state.apps.get(set.appKey);
  return app && !app.disabled ? set : null;
}

function hasScope(set: TokenSetRecord, need: "read" | "write"): boolean {
  const allowed = set.userId ? SCOPES[need].user : SCOPES[need].admin;
  return set.scopes.some((s) => allowed.includes(s));
}

/**
 * Meetings, enough for a proxy's JSON round trip: POST /v2/users/me/meetings
 * (create, JSON body), GET /v2/users/me/meetings (list), GET /v2/meetings/{id}.
 * Token, scope, fault and counting rules as for /users/me.
 */
export async function handleMeetings(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  const appKey = match?.[1] ? (state.byAccessToken.get(match[1])?.appKey ?? null) : null;
  for (const counters of state.countersFor(appKey)) counters.api += 1;
  if (await applyFault(state, "api", res, appKey)) return;
  const selfUrl = `${url.protocol}//${url.host}`;
  const path = url.pathname;
  const mine = path === "/v2/users/me/meetings";
  const one = /^\/v2\/meetings\/(\d+)$/.exec(path);
  if (!mine && !one) return sendJson(res, 404, { code: 404, message: "This API is not emulated." });
  const set = tokenSet(state, req, url);
  if (!set) {
    const expired =
      match?.[1] && (state.byAccessToken.get(match[1])?.accessExpiresAtMs ?? Infinity) <= state.now();
    return sendJson(res, 401, invalidToken(expired ? "Access token is expired." : undefined));
  }
  const method = req.method ?? "GET";
  const need = method === "GET" ? "read" : "write";
  if ((mine && ["GET", "POST"].includes(method)) || (one && method === "GET")) {
    if (!hasScope(set, need)) {
      const names = need === "read" ? "meeting:read:list_meetings" : "meeting:write:meeting";
      return sendJson(res, 400, {
        code: 4711,
        message: `Invalid access token, does not contain scopes:[${names}, ${names}:admin]`,
      });
    }
  } else return sendJson(res, 405, { code: 405, message: "Method not allowed." });

  const hostId = set.userId ?? [...state.users.values()].find((u) => u.accountId === set.accountId)?.id ?? "";
  if (one) {
    const meeting = state.meetings.get(Number(one[1]));
    if (!meeting || meeting.appKey !== set.appKey)
      return sendJson(res, 404, { code: 3001, message: "Meeting does not exist: " + one[1] + "." });
    return sendJson(res, 200, meetingJson(meeting, selfUrl), RATE_HEADERS);
  }
  if (method === "GET") {
    const meetings = [...state.meetings.values()].filter(
      (m) => m.appKey === set.appKey && m.hostId === hostId,
    );
    return sendJson(
      res,
      200,
      {
        page_size: 30,
        total_records: meetings.length,
        next_page_token: "",
        meetings: meetings.map((m) => meetingJson(m, selfUrl)),
      },
      RATE_HEADERS,
    );
  }
  const raw = await readRawBody(req);
  if (!isJsonRequest(req)) return sendJson(res, 415, { code: 415, message: "Unsupported Media Type" });
  let body: Record<string, unknown>;
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
    body = parsed as Record<string, unknown>;
  } catch {
    return sendJson(res, 400, { code: 300, message: "Request Body should be a valid JSON object." });
  }
  const topic = typeof body.topic === "string" ? body.topic.slice(0, 200) : "Zoom meeting";
  const type = typeof body.type === "number" && [1, 2, 3, 8].includes(body.type) ? body.type : 2;
  const meeting: MeetingRecord = {
    id: 80_000_000_000 + state.meetings.size + 1,
    appKey: set.appKey,
    hostId,
    topic,
    type,
    startTime: typeof body.start_time === "string" ? body.start_time : null,
    duration: typeof body.duration === "number" ? body.duration : null,
    timezone: typeof body.timezone === "string" ? body.timezone : "UTC",
    agenda: typeof body.agenda === "string" ? body.agenda.slice(0, 2000) : "",
    createdAt: new Date(state.now()).toISOString(),
  };
  state.meetings.set(meeting.id, meeting);
  sendJson(res, 201, meetingJson(meeting, selfUrl), RATE_HEADERS);
}
