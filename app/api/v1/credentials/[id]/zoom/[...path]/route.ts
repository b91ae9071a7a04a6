import { proxyZoom } from "@/lib/token-api/zoom-proxy/proxy-zoom";
import { withApiKey } from "@/lib/token-api/with-api-key";

/** … /api/v1/credentials/{id}/zoom/{path} — Zoom's REST API (/v2/{path}) with this credential's token. */
const handle = withApiKey({ credential: "proxy" }, proxyZoom);

export { handle as GET, handle as POST, handle as PATCH, handle as PUT, handle as DELETE };
