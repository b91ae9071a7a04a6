import { getEnv } from "@/lib/env";

/** The callback next-auth uses for Zoom, built from APP_URL: the same for every credential. */
export function zoomRedirectUrl(): string {
  return `${getEnv().appUrl}/api/auth/callback/zoom`;
}

export type RedirectWarning = { id: "http" | "localhost"; message: string };

/** Reasons Zoom may refuse this address, in plain words. */
export function redirectUrlWarnings(appUrl = getEnv().appUrl): RedirectWarning[] {
  const url = new URL(appUrl);
  const port = url.port ? `:${url.port}` : "";
  const warnings: RedirectWarning[] = [];
  if (url.hostname === "localhost") {
    // Reported from 2026: Zoom refuses plain http://localhost with 4700, even for Development.
    warnings.push({
      id: "localhost",
      message: `Zoom may refuse this address: plain localhost redirects were reported refused with error 4700. For a local trial, ask whoever runs this app to set APP_URL to http://127.0.0.1${port} (and open the app there); for real use, to its public https:// address.`,
    });
  } else if (["127.0.0.1", "[::1]"].includes(url.hostname)) {
    warnings.push({
      id: "localhost",
      message:
        "This address only works on this computer: fine for a local trial with your own Zoom account, " +
        "but people on other computers cannot reach it. " +
        "For real use, ask whoever runs this app to set APP_URL to its public https:// address.",
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
