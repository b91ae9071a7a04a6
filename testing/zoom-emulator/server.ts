import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAuthorizeGet, handleAuthorizePost } from "./authorize-route";
import { handleControl } from "./control-route";
import { BodyTooLargeError, sendJson } from "./http-utils";
import { handleRevoke } from "./revoke-route";
import { EmulatorState } from "./state";
import { handleToken } from "./token-route";
import { handleMeetings } from "./meetings-route";
import { handleUsersMe } from "./users-me-route";

export interface StartZoomEmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: "127.0.0.1";
}

export interface RunningZoomEmulator {
  /** Use as ZOOM_OAUTH_BASE_URL; `${url}/v2` is ZOOM_API_BASE_URL. */
  url: string;
  port: number;
  close(): Promise<void>;
}

async function route(
  state: EmulatorState,
  req: IncomingMessage,
  res: ServerResponse,
  selfUrl: string,
): Promise<void> {
  const url = new URL(req.url ?? "/", selfUrl);
  const path = url.pathname;
  if (path.startsWith("/__emulator/")) return handleControl(state, req, res, url);
  if (path === "/oauth/authorize") {
    return req.method === "POST" ? handleAuthorizePost(state, req, res) : handleAuthorizeGet(state, res, url);
  }
  if (path === "/oauth/token") return handleToken(state, req, res, url, selfUrl);
  if (path === "/oauth/revoke") return handleRevoke(state, req, res, url);
  if (path === "/v2/users/me") return handleUsersMe(state, req, res, url);
  if (path.startsWith("/v2/")) return handleMeetings(state, req, res, url);
  sendJson(res, 404, { error: "not found", hint: "see testing/zoom-emulator/README.md" });
}

/**
 * A strict stand-in for Zoom's OAuth host and REST API, following
 * docs/zoom-behaviour.md. One process-local state per server.
 */
export async function startZoomEmulator(
  options: StartZoomEmulatorOptions = {},
): Promise<RunningZoomEmulator> {
  const host = options.host ?? "127.0.0.1";
  const state = new EmulatorState();
  let selfUrl = "";
  const server = createServer((req, res) => {
    route(state, req, res, selfUrl).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (err instanceof BodyTooLargeError) return sendJson(res, 413, { error: "body too large" });
      console.error("[zoom-emulator]", err);
      sendJson(res, 500, { code: 500, message: "Emulator error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  selfUrl = `http://${host}:${port}`;
  return {
    url: selfUrl,
    port,
    close: async () => {
      state.releaseHanging();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
