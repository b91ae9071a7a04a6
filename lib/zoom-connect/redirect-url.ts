import { getEnv } from "@/lib/env";

/** The callback next-auth uses for Zoom, built from APP_URL: the same for every credential. */
export function zoomRedirectUrl(): string {
  return `${getEnv().appUrl}/api/auth/callback/zoom`;
}

export type RedirectWarning = { id: "http" | "localhost"; message: string };

/** Reasons Zoom may refuse this address, in plain words. */
export function redirectUrlWarnings(appUrl = getEnv().appUrl): RedirectWarning[] {
  const url = new URL(appUrl);
  const warnings: RedirectWarning[] = [];
  if (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) {
    warnings.push({
      id: "localhost",
      message:
        "This address only works on this computer (localhost). Zoom refuses localhost for production apps, " +
        "and people on other computers cannot reach it. " +
        "Ask whoever runs this app to set APP_URL to its public https:// address.",
    });
  }
  if (url.protocol === "http:") {
    warnings.push({
      id: "http",
      message:
        "This address is plain http://, not https://. Zoom accepts it only for development apps; " +
        "for production, the app needs an https:// address (set APP_URL).",
    });
  }
  return warnings;
}
