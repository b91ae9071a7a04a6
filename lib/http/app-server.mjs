// The app's HTTP server, started by `npm start` (scripts/app-server.mjs) and by
// the container's entry (scripts/container-start.ts): Next.js's
// request handler behind a plain Node server (Next's documented custom
// server), for what only the socket and the raw request line know —
//  - the socket's address, for the per-address sign-in limit: Next.js passes
//    X-Forwarded-For through as the client wrote it, and route handlers never
//    see the socket;
//  - dot segments ("/api/v1/credentials/../token"), which Next.js resolves to
//    another path before any code of ours runs: refused here in words.
// Plain JavaScript, so Next.js's own code runs without a TypeScript loader.
import { createServer } from "node:http";
import {
  DOT_SEGMENT_MESSAGE,
  SOCKET_ADDRESS_HEADER,
  declareSocketAddressHeader,
  hasDotSegment,
} from "./raw-request.mjs";

/** @param {string} target */
function resolvedPath(target) {
  try {
    return new URL(target, "http://app.invalid").pathname;
  } catch {
    return target;
  }
}

/** @param {import("node:http").IncomingMessage} req @param {import("node:http").ServerResponse} res */
function refuseDotSegments(req, res) {
  // JSON when the path is the API's, as written or as it would have resolved.
  const target = req.url ?? "/";
  const api = target.startsWith("/api/") || resolvedPath(target).startsWith("/api/");
  res.writeHead(400, {
    "Content-Type": api ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(api ? JSON.stringify({ error: "bad_request", message: DOT_SEGMENT_MESSAGE }) : DOT_SEGMENT_MESSAGE);
}

/**
 * Starts Next.js behind this server on PORT / HOSTNAME. `conf`: the build's own
 * configuration, for Next's standalone output (the container), which has no
 * next.config.js to read.
 * @param {{ conf?: Record<string, unknown> }} [options]
 */
export async function startAppServer(options = {}) {
  // As `next start` does; React and Next.js read it when they load.
  process.env.NODE_ENV = "production";
  const { default: next } = await import("next");
  const port = Number(process.env.PORT ?? 3000);
  const hostname = process.env.HOSTNAME || undefined;
  const app = next({
    dev: false,
    port,
    hostname: hostname ?? "localhost",
    ...(options.conf ? { dir: process.cwd(), conf: options.conf } : {}),
  });
  const handle = app.getRequestHandler();
  await app.prepare();
  declareSocketAddressHeader();

  const server = createServer((req, res) => {
    if (hasDotSegment(req.url ?? "")) return refuseDotSegments(req, res);
    // Overwrites whatever the client sent under this name.
    req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    handle(req, res).catch((error) => {
      console.error(`Failed to handle request for ${req.url}`, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  server.on("error", (error) => {
    console.error("The server could not start:", error.message);
    process.exit(1);
  });
  server.listen(port, hostname, () =>
    console.log(`[server] listening on ${hostname ?? "all addresses"}:${port}`),
  );

  for (const signal of ["SIGINT", "SIGTERM"])
    process.on(signal, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
    });
}
