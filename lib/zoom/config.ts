import { z } from "zod";

export interface ZoomConfig {
  oauthBaseUrl: string;
  apiBaseUrl: string;
}

export interface ZoomEndpoints {
  authorize: string;
  token: string;
  revoke: string;
  usersMe: string;
}

const DEFAULT_OAUTH_BASE_URL = "https://zoom.us";
const DEFAULT_API_BASE_URL = "https://api.zoom.us/v2";

// Base URLs are joined with paths by plain concatenation, so a query string or
// fragment would silently corrupt every endpoint: refuse them up front.
const baseUrl = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .refine((value) => {
    // zod runs refinements even after the URL check failed, so parse defensively.
    const url = URL.parse(value);
    return (
      url === null || (url.search === "" && url.hash === "" && url.username === "" && url.password === "")
    );
  }, "must not contain a query string, fragment or credentials")
  .transform((value) => value.replace(/\/+$/, ""));

function readBaseUrl(name: string, raw: string | undefined, fallback: string): string {
  const value = raw?.trim() ? raw.trim() : fallback;
  const parsed = baseUrl.safeParse(value);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? "is invalid";
    throw new Error(`${name} ${reason} (got "${value}").`);
  }
  return parsed.data;
}

/** Read on every call so tests and the emulator can change the environment. */
export function zoomConfig(env: Readonly<Record<string, string | undefined>> = process.env): ZoomConfig {
  return {
    oauthBaseUrl: readBaseUrl("ZOOM_OAUTH_BASE_URL", env.ZOOM_OAUTH_BASE_URL, DEFAULT_OAUTH_BASE_URL),
    apiBaseUrl: readBaseUrl("ZOOM_API_BASE_URL", env.ZOOM_API_BASE_URL, DEFAULT_API_BASE_URL),
  };
}

export function zoomEndpoints(config: ZoomConfig = zoomConfig()): ZoomEndpoints {
  return {
    authorize: `${config.oauthBaseUrl}/oauth/authorize`,
    token: `${config.oauthBaseUrl}/oauth/token`,
    revoke: `${config.oauthBaseUrl}/oauth/revoke`,
    usersMe: `${config.apiBaseUrl}/users/me`,
  };
}
