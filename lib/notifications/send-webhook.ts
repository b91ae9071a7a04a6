import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { isIP } from "node:net";
import { guardedLookup, isPublicAddress } from "./safe-target";

export const WEBHOOK_TIMEOUT_MS = 5_000;
const EXCERPT_CHARS = 200;

export type WebhookResult = { ok: boolean; statusCode: number | null; note: string | null };

/**
 * POSTs one signed delivery, Standard Webhooks style: webhook-id (the same on
 * every retry, so receivers can drop repeats), webhook-timestamp, and
 * webhook-signature "v1,<base64 HMAC-SHA256 of id.timestamp.body>". Redirects
 * are never followed (a 3xx is a failure), the whole exchange has a short
 * time limit, and only a short excerpt of the answer is kept.
 */
export function sendWebhook(input: {
  url: string;
  secret: string;
  messageId: string;
  body: string;
  allowPrivate: boolean;
  now?: Date;
}): Promise<WebhookResult> {
  const timestamp = input.now ?? new Date();
  const signature = new Webhook(input.secret).sign(input.messageId, timestamp, input.body);
  const url = new URL(input.url);
  const client = url.protocol === "https:" ? https : http;
  // A literal address skips DNS (and so the guarded lookup): judge it here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!input.allowPrivate && isIP(literal) !== 0 && !isPublicAddress(literal))
    return Promise.resolve({ ok: false, statusCode: null, note: networkWords({ code: "EUNSAFE" } as never) });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: WebhookResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Zoom-Credential-Wizard-Webhooks",
          "webhook-id": input.messageId,
          "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
          "webhook-signature": signature,
          "content-length": Buffer.byteLength(input.body),
        },
        lookup: guardedLookup(input.allowPrivate) as never,
      },
      (response) => {
        let excerpt = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (excerpt.length < EXCERPT_CHARS) excerpt += chunk.slice(0, EXCERPT_CHARS - excerpt.length);
          else response.destroy(); // the rest is not kept, so not read either
        });
        const done = () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          const note =
            status >= 300 && status < 400
              ? "The receiver answered with a redirect, which is not followed. Enter the final URL."
              : excerpt.trim() || null;
          finish({ ok, statusCode: status, note });
        };
        response.on("end", done);
        response.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy();
      finish({ ok: false, statusCode: null, note: `No answer within ${WEBHOOK_TIMEOUT_MS / 1000} seconds.` });
    }, WEBHOOK_TIMEOUT_MS);
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish({ ok: false, statusCode: null, note: networkWords(error) });
    });
    request.end(input.body);
  });
}

function networkWords(error: NodeJS.ErrnoException): string {
  if (error.code === "EUNSAFE")
    return "The URL's name resolves to a private or loopback address, which webhooks may not reach.";
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN")
    return "The URL's host name could not be found.";
  if (error.code === "ECONNREFUSED") return "The receiver refused the connection.";
  if (error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT"))
    return "The receiver's HTTPS certificate is not valid.";
  return `The connection failed (${error.code ?? "network error"}).`;
}
