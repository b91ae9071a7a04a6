import { z } from "zod";

export interface ZoomTokenSet {
  accessToken: string;
  /** null for Server-to-Server tokens, which are never refreshed. */
  refreshToken: string | null;
  expiresAt: Date;
  scopes: string[];
  /** The user's regional API host as Zoom reported it (a hint; the configured base keeps working). */
  apiUrl: string | null;
  tokenType: "bearer";
}

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === "bearer"),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
  api_url: z.string().optional(),
});

function httpUrlOrNull(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? value.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

/**
 * A token set is complete or it is nothing: a 200 answer missing a field we
 * depend on returns null so that no partial value can overwrite stored tokens.
 */
export function parseTokenSet(
  body: unknown,
  options: { expectRefreshToken: boolean; requestedAt: Date },
): ZoomTokenSet | null {
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) return null;
  const data = parsed.data;
  if (options.expectRefreshToken && !data.refresh_token) return null;
  return {
    accessToken: data.access_token,
    refreshToken: options.expectRefreshToken ? (data.refresh_token ?? null) : null,
    // Counted from when the request left, not when the answer arrived, so the
    // stored expiry is never later than Zoom's own.
    expiresAt: new Date(options.requestedAt.getTime() + data.expires_in * 1000),
    scopes: (data.scope ?? "").split(/\s+/).filter((s) => s.length > 0),
    apiUrl: httpUrlOrNull(data.api_url),
    tokenType: "bearer",
  };
}
