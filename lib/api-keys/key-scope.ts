import { z } from "zod";

export const KEY_ACTIONS = ["token", "proxy"] as const;
export type KeyAction = (typeof KEY_ACTIONS)[number];

export const KEY_ACTION_LABELS: Record<KeyAction, string> = {
  token: "Fetch tokens",
  proxy: "Call Zoom through the app",
};

/** What a key may do: null credentialIds means every connection of its workspace. */
export type KeyScope = { credentialIds: string[] | null; actions: KeyAction[] };

export type ApiCaller = {
  apiKeyId: string;
  workspaceId: string;
  name: string;
  prefix: string;
  scope: KeyScope;
};

const actionSchema = z.enum(KEY_ACTIONS);

/** The stored columns (space-separated) as a scope; unknown words are dropped, never widened. */
export function parseKeyScope(row: { credentialIds: string | null; actions: string }): KeyScope {
  return {
    credentialIds: row.credentialIds === null ? null : row.credentialIds.split(" ").filter(Boolean),
    actions: row.actions.split(" ").filter((word): word is KeyAction => actionSchema.safeParse(word).success),
  };
}

export function storedKeyScope(scope: KeyScope): { credentialIds: string | null; actions: string } {
  return {
    credentialIds: scope.credentialIds === null ? null : [...new Set(scope.credentialIds)].join(" "),
    actions: KEY_ACTIONS.filter((a) => scope.actions.includes(a)).join(" "),
  };
}

/** Why this key may not do `action` on this credential, in words; null when it may. */
export function scopeRefusal(scope: KeyScope, credentialId: string, action: KeyAction): string | null {
  if (!scope.actions.includes(action))
    return action === "token"
      ? "This API key may not fetch tokens. Use a key that allows “Fetch tokens”, or call Zoom through the proxy."
      : "This API key may not call Zoom through the app. Use a key that allows “Call Zoom through the app”.";
  if (scope.credentialIds !== null && !scope.credentialIds.includes(credentialId))
    return "This API key is limited to other connections. Use a key that includes this one.";
  return null;
}
