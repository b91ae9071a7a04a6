import { FlaskConical } from "lucide-react";
import { zoomConfig } from "@/lib/zoom/config";

/**
 * Says plainly when the app does not talk to the real Zoom (the offline
 * sandbox, tests, demos): nobody should mistake a simulated connection for
 * a real one.
 */
export function SimulatedZoomBanner() {
  const { oauthBaseUrl } = zoomConfig();
  const host = new URL(oauthBaseUrl).hostname;
  if (host === "zoom.us" || host.endsWith(".zoom.us")) return null;
  const sandbox = process.env.ZOOM_SANDBOX === "1";
  return (
    // A landmark of its own, so screen-reader users can find (and skip) it like the rest of the page.
    <aside
      aria-label="Zoom is simulated"
      className="border-b border-amber-300 bg-amber-100 px-4 py-2 text-sm text-amber-950"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-2 gap-y-1">
        <FlaskConical aria-hidden className="h-4 w-4" />
        <strong>Zoom is simulated.</strong>
        <span>This app talks to a Zoom emulator at {oauthBaseUrl}, not to real Zoom.</span>
        {sandbox && (
          <span>
            Demo OAuth app: Client ID <code className="font-mono">demo-client-id</code>, Client Secret{" "}
            <code className="font-mono">demo-client-secret-0123456789</code>. Demo Server-to-Server app:
            Account ID <code className="font-mono">demo-account-id</code>, Client ID{" "}
            <code className="font-mono">demo-s2s-client-id</code>, Client Secret{" "}
            <code className="font-mono">demo-s2s-secret-0123456789</code>.
          </span>
        )}
      </div>
    </aside>
  );
}
