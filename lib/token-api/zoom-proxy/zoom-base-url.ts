import { zoomConfig } from "@/lib/zoom/config";

/**
 * Where a connection's API calls go: the region Zoom named in the token
 * answer (`api_url`, e.g. https://api-eu.zoom.us) + /v2, when it is Zoom's
 * (https, a zoom.us host) or the configured API host (the emulator);
 * otherwise the configured ZOOM_API_BASE_URL, which works for every region.
 */
export function zoomApiBase(apiUrl: string | null): string {
  const configured = zoomConfig().apiBaseUrl;
  const region = apiUrl ? URL.parse(apiUrl) : null;
  if (!region || region.search || region.hash || region.username || region.password) return configured;
  const zoomHost =
    region.protocol === "https:" && (region.hostname === "zoom.us" || region.hostname.endsWith(".zoom.us"));
  const sameAsConfigured = region.origin === URL.parse(configured)?.origin;
  return zoomHost || sameAsConfigured ? `${region.origin}/v2` : configured;
}
