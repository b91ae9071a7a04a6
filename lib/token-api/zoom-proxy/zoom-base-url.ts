import { zoomConfig } from "@/lib/zoom/config";

/**
 * Where a connection's API calls go: the region Zoom named in the token
 * answer (`api_url`, e.g. https://api-eu.zoom.us) + /v2, when it is Zoom's
 * (https, a zoom.us host) or the configured API host (the emulator);
 * otherwise the configured ZOOM_API_BASE_URL, which works for every region.
 */
// zoomConfig() validates the environment with zod: once per distinct value, not per call.
let memo: { env: string | undefined; base: string } | null = null;
function configuredBase(): string {
  const env = process.env.ZOOM_API_BASE_URL;
  if (!memo || memo.env !== env) memo = { env, base: zoomConfig().apiBaseUrl };
  return memo.base;
}

export function zoomApiBase(apiUrl: string | null): string {
  const configured = configuredBase();
  const region = apiUrl ? URL.parse(apiUrl) : null;
  if (!region || region.search || region.hash || region.username || region.password) return configured;
  const zoomHost =
    region.protocol === "https:" && (region.hostname === "zoom.us" || region.hostname.endsWith(".zoom.us"));
  const sameAsConfigured = region.origin === URL.parse(configured)?.origin;
  return zoomHost || sameAsConfigured ? `${region.origin}/v2` : configured;
}
