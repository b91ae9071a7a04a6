/**
 * The few calls of n8n's public API (`/api/v1`, header X-N8N-API-KEY) the app
 * makes, each answered as a plain outcome with n8n's words, never thrown:
 * the pusher records them, the pages show them. Facts measured on n8n 2.41.1
 * (README, "Use it from n8n"): PATCH replaces the credential's data (no
 * isPartialData: with it n8n keeps the old token and still answers 200);
 * 2.39.0–2.39.8 answer 405 to PATCH; keys carry scopes (403 without them);
 * a form body gets 415, unknown data keys 400.
 */
export const N8N_TIMEOUT_MS = 10_000;

/** The credential type n8n's Zoom node uses with Authentication "OAuth2". */
export const ZOOM_CREDENTIAL_TYPE = "zoomOAuth2Api";

export type N8nTargetKeys = { baseUrl: string; apiKey: string };

export type N8nAnswer = {
  ok: boolean;
  /** null: no HTTP answer (network, time-out) */
  status: number | null;
  /** n8n's answer in words, for people: what happened and, on failure, what to do */
  words: string;
  body?: unknown;
};

/** What n8n's `oauthTokenData` holds for the Zoom node: the access token only, never a refresh token. */
export type PushedTokenData = {
  access_token: string;
  token_type: "Bearer";
  expires_in: number;
};

const trimSlash = (url: string) => url.replace(/\/+$/, "");

function messageOf(body: unknown): string | null {
  if (body && typeof body === "object" && "message" in body && typeof body.message === "string")
    return body.message.slice(0, 200);
  return null;
}

/** What each refusal means, and the one thing to do. `scope` names what this call needs. */
function refusalWords(status: number, n8nSays: string | null, scope: string): string {
  const quoted = n8nSays ? ` n8n said: “${n8nSays}”.` : "";
  switch (status) {
    case 401:
      return `n8n refused the API key (401).${quoted} Create a new key in n8n (Settings → n8n API) and save it under n8n.`;
    case 403:
      return `The n8n API key lacks the scope ${scope} (403).${quoted} Give the key that scope in n8n, or create one with it, and save it under n8n.`;
    case 404:
      return `n8n has no such credential (404): it was deleted in n8n.${quoted} Press “Stop using in n8n”, then “Use in n8n” again.`;
    case 405:
      return `n8n does not allow updating credentials (405).${quoted} n8n 2.39.0 to 2.39.8 have this bug: upgrade n8n to 2.39.9 or later.`;
    case 400:
      return `n8n refused what was sent (400).${quoted} Check that the credential in n8n is a Zoom OAuth2 API credential.`;
    case 415:
      return `n8n refused the request's format (415).${quoted}`;
    default:
      return status >= 500
        ? `n8n had an error (${status}).${quoted} The app tries again.`
        : `n8n answered ${status}.${quoted}`;
  }
}

function networkWords(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code;
  if ((error as Error).name === "TimeoutError")
    return `n8n did not answer within ${N8N_TIMEOUT_MS / 1000} seconds. The app tries again.`;
  if (code === "ECONNREFUSED")
    return "n8n refused the connection: is it running at this address? The app tries again.";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return "n8n's host name could not be found. Check the n8n URL.";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return "n8n's HTTPS certificate is not valid.";
  return `n8n could not be reached (${code ?? "network error"}). The app tries again.`;
}

async function call(
  target: N8nTargetKeys,
  input: { method: "GET" | "POST" | "PATCH"; path: string; body?: unknown; scope: string; okWords: string },
): Promise<N8nAnswer> {
  let response: Response;
  try {
    response = await fetch(`${trimSlash(target.baseUrl)}/api/v1${input.path}`, {
      method: input.method,
      headers: {
        "X-N8N-API-KEY": target.apiKey,
        accept: "application/json",
        ...(input.body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: input.body !== undefined ? JSON.stringify(input.body) : undefined,
      // A redirect would carry the key elsewhere: refused, not followed.
      redirect: "manual",
      signal: AbortSignal.timeout(N8N_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, status: null, words: networkWords(error) };
  }
  let body: unknown = null;
  try {
    body = JSON.parse(await response.text());
  } catch {
    body = null;
  }
  if (response.status >= 300 && response.status < 400)
    return {
      ok: false,
      status: response.status,
      words: `n8n answered with a redirect (${response.status}), which is not followed. Enter n8n's own address.`,
    };
  if (!response.ok)
    return {
      ok: false,
      status: response.status,
      words: refusalWords(response.status, messageOf(body), input.scope),
      body,
    };
  return { ok: true, status: response.status, words: input.okWords, body };
}

/** The data a Zoom node's credential holds: replaced whole on every push. */
export function zoomCredentialData(token: PushedTokenData | null) {
  // An emptied credential keeps the shape n8n expects, with no token in it.
  return { oauthTokenData: token ?? { access_token: "", token_type: "Bearer", expires_in: 0 } };
}

/** n8n refuses to update a credential whose name is not 3–128 characters long (though it creates one). */
export function n8nCredentialName(name: string): string {
  const trimmed = name.trim().slice(0, 128);
  return trimmed.length >= 3 ? trimmed : `${trimmed} (Zoom)`.trim();
}

export async function createZoomCredential(
  target: N8nTargetKeys,
  input: { name: string; token: PushedTokenData },
): Promise<N8nAnswer & { id?: string }> {
  const answer = await call(target, {
    method: "POST",
    path: "/credentials",
    body: {
      name: n8nCredentialName(input.name),
      type: ZOOM_CREDENTIAL_TYPE,
      data: zoomCredentialData(input.token),
    },
    scope: "credential:create",
    okWords: "n8n created the credential and stored the token.",
  });
  const id = (answer.body as { id?: unknown } | null)?.id;
  if (answer.ok && (typeof id === "string" || typeof id === "number")) return { ...answer, id: String(id) };
  if (answer.ok) return { ...answer, ok: false, words: "n8n answered without a credential id." };
  return answer;
}

/** Replaces the credential's data (the only way n8n stores a new token), or empties it (`token` null). */
export function replaceZoomCredentialData(
  target: N8nTargetKeys,
  input: { n8nCredentialId: string; token: PushedTokenData | null },
): Promise<N8nAnswer> {
  return call(target, {
    method: "PATCH",
    path: `/credentials/${encodeURIComponent(input.n8nCredentialId)}`,
    body: { data: zoomCredentialData(input.token) },
    scope: "credential:update",
    okWords: input.token ? "n8n stored the new token." : "n8n emptied the token.",
  });
}

/**
 * A call about a credential id that should not exist (checkN8nKeys): its 404
 * is the good answer. `n8nShaped`: the 404 came as n8n's JSON, not a web
 * server's page (a wrong address).
 */
export async function probe(
  target: N8nTargetKeys,
  input: { method: "GET" | "PATCH" | "POST"; id: string; scope: string },
): Promise<N8nAnswer & { n8nShaped: boolean }> {
  const answer = await call(target, {
    method: input.method,
    path: input.method === "POST" ? "/credentials" : `/credentials/${encodeURIComponent(input.id)}`,
    body:
      input.method === "PATCH"
        ? { data: zoomCredentialData(null) }
        : input.method === "POST"
          ? {}
          : undefined,
    scope: input.scope,
    okWords: "n8n answered.",
  });
  return { ...answer, n8nShaped: messageOf(answer.body) !== null };
}

/** The credential "Use in n8n" links to by id: it must exist and be a Zoom OAuth2 credential. */
export async function readCredential(
  target: N8nTargetKeys,
  id: string,
): Promise<N8nAnswer & { name?: string; type?: string }> {
  const answer = await call(target, {
    method: "GET",
    path: `/credentials/${encodeURIComponent(id)}`,
    scope: "credential:read",
    okWords: "n8n has this credential.",
  });
  const body = answer.body as { name?: unknown; type?: unknown } | null;
  if (!answer.ok) return answer;
  return {
    ...answer,
    ...(typeof body?.name === "string" ? { name: body.name } : {}),
    ...(typeof body?.type === "string" ? { type: body.type } : {}),
  };
}
