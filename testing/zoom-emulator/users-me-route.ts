import type { IncomingMessage, ServerResponse } from "node:http";
import { applyFault } from "./faults";
import { sendJson } from "./http-utils";
import type { EmulatorState } from "./state";
import type { EmulatorUser, TokenSetRecord } from "./types";

// Granular and classic names that let a user's token read that user; a user
// token does not pass with the ":admin" names, which belong to account-level
// (Server-to-Server) tokens.
const USER_SCOPES = ["user:read:user", "user:read", "user_info:read"];
const ADMIN_SCOPES = ["user:read:user:admin", "user:read:admin"];
// Zoom lists both granular names, whichever kind of token asked.
const MISSING_SCOPE_MESSAGE =
  "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]";

const invalidToken = (message = "Invalid access token.") => ({ code: 124, message });

const ROLE_NAMES = { owner: "Owner", admin: "Admin", member: "Member" } as const;

function userJson(user: EmulatorUser): Record<string, unknown> {
  return {
    id: user.id,
    first_name: user.firstName,
    last_name: user.lastName,
    display_name: `${user.firstName} ${user.lastName}`.trim(),
    email: user.email,
    type: 1,
    role_name: ROLE_NAMES[user.role],
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
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  const set = match?.[1] ? state.byAccessToken.get(match[1]) : undefined;
  // Counted and faulted per app by the token's app, so parallel specs stay apart.
  for (const counters of state.countersFor(set?.appKey)) {
    counters.usersMe += 1;
    counters.api += 1;
  }
  if (await applyFault(state, "api", res, set?.appKey ?? null)) return;
  if (req.method !== "GET") return sendJson(res, 405, { code: 405, message: "Method not allowed." });
  // Zoom stopped accepting tokens in query strings in February 2023.
  if (url.searchParams.has("access_token")) return sendJson(res, 401, invalidToken());
  if (!set || set.status !== "live") return sendJson(res, 401, invalidToken());
  if (set.accessExpiresAtMs <= state.now())
    return sendJson(res, 401, invalidToken("Access token is expired."));
  const app = state.apps.get(set.appKey);
  if (!app || app.disabled) return sendJson(res, 401, invalidToken());
  const allowed = set.userId ? USER_SCOPES : ADMIN_SCOPES;
  if (!set.scopes.some((s) => allowed.includes(s))) {
    return sendJson(res, 400, { code: app.missingScopeCode, message: MISSING_SCOPE_MESSAGE });
  }
  const user = findUser(state, set);
  if (!user) return sendJson(res, 404, { code: 1001, message: "User does not exist: me." });
  sendJson(res, 200, userJson(user));
}
