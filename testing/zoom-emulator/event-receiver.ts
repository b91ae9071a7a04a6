// A stand-in for an app's event endpoint, for contract tests: records every
// request with its raw body and answers as told (status, delay, validation).
import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { readRawBody } from "./http-utils";

export interface ReceivedEvent {
  headers: IncomingHttpHeaders;
  body: string;
  json: { event?: string; payload?: Record<string, unknown> };
}

export interface EventReceiver {
  url: string;
  received: ReceivedEvent[];
  /** How to answer the next requests, one list entry per request: status, and a delay before answering. */
  behave(options: { statuses?: number[]; delaysMs?: number[]; validationSecret?: string | null }): void;
  close(): Promise<void>;
}

export async function startEventReceiver(): Promise<EventReceiver> {
  const received: ReceivedEvent[] = [];
  let statuses: number[] = [];
  let delays: number[] = [];
  let validationSecret: string | null = null;
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readRawBody(req);
      const json = JSON.parse(body) as ReceivedEvent["json"];
      received.push({ headers: req.headers, body, json });
      const delayMs = delays.shift() ?? 0;
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      if (res.destroyed) return;
      const plainToken = json.payload?.plainToken;
      if (json.event === "endpoint.url_validation" && typeof plainToken === "string" && validationSecret) {
        const encryptedToken = createHmac("sha256", validationSecret).update(plainToken).digest("hex");
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(JSON.stringify({ plainToken, encryptedToken }));
      }
      res.writeHead(statuses.shift() ?? 200);
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/zoom/events`,
    received,
    behave(options) {
      statuses = [...(options.statuses ?? [])];
      delays = [...(options.delaysMs ?? [])];
      if (options.validationSecret !== undefined) validationSecret = options.validationSecret;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
