import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "./faults";
import { sendJson } from "./http-utils";
import type { EmulatorState } from "./state";
import type { EmulatorUser, TokenSetRecord } from "./types";

// Granular, classic and Server-to-Server (":admin") names that allow reading a user.
const USER_READ_SCOPES = [
  "user:read:user",
  "user:read",
  "user_info:read",
  "user:read:user:admin",
  "user:read:admin",
];

const invalidToken = (message = "Invalid access token.") => ({ code: 124, message });

function userJson(user: EmulatorUser): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: `${user.firstName} ${user.lastName}`.trim(),
    email: user.email,
    type: 1,
    role_name: "Owner",
    pmi: 1234567890,
    use_pmi: false,
    timezone: "UTC",
    verified: 1,
    language: "en-US",
    status: "active",
    account_id: user.accountId,
    ...(user.picUrl ? { pic_url: user.picUrl } : {}),
  };
}

function findUser(state: EmulatorState, set: TokenSetRecord): EmulatorUser | undefined {
  if (set.userId) return state.users.get(set.userId);
  // A Server-to-Server token acts for the account; "me" is a user of that account.
  return [...state.users.values()].find((u) => u.accountId === set.accountId);
}

export async function handleUsersMe(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  state.counters.usersMe += 1;
  if (await applyFault(state, "api", res)) return;
  if (req.method !== "GET") return sendJson(res, 405, { code: 405, message: "Method not allowed." });
  // Zoom stopped accepting tokens in query strings in February 2023.
  if (url.searchParams.has("access_token")) return sendJson(res, 401, invalidToken());
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  const set = match?.[1] ? state.byAccessToken.get(match[1]) : undefined;
  if (!set || set.status !== "live") return sendJson(res, 401, invalidToken());
  if (set.accessExpiresAtMs <= state.now())
    return sendJson(res, 401, invalidToken("Access token is expired."));
  const app = state.apps.get(set.clientId);
  if (!app || app.disabled) return sendJson(res, 401, invalidToken());
  if (!set.scopes.some((s) => USER_READ_SCOPES.includes(s))) {
    return sendJson(res, 400, {
      code: 4700,
      message: "Invalid access token, does not contain scopes:[user:read:user]",
    });
  }
  const user = findUser(state, set);
  if (!user) return sendJson(res, 404, { code: 1001, message: "User does not exist: me." });
  sendJson(res, 200, userJson(user));
}
