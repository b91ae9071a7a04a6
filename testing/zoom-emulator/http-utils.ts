import type { IncomingMessage, ServerResponse } from "node:http";

const MAX_BODY_BYTES = 1024 * 1024;

/** Responses the "lost" fault swallows: the work is done, the answer never arrives. */
export const lostResponses = new WeakSet<ServerResponse>();

/** Responses the "slow_answer" fault holds back this many ms: the work is done at once, the answer is late. */
export const lateResponses = new WeakMap<ServerResponse, number>();

export class BodyTooLargeError extends Error {}

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError("body too large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function finish(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string>,
): void {
  if (lostResponses.has(res)) {
    res.socket?.destroy();
    return;
  }
  const write = () => {
    if (res.destroyed) return;
    res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", ...headers });
    res.end(body);
  };
  const late = lateResponses.get(res);
  if (late === undefined) write();
  else setTimeout(write, late);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  finish(res, status, "application/json;charset=UTF-8", JSON.stringify(body), headers);
}

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  finish(res, status, "text/html;charset=UTF-8", html, {
    "x-frame-options": "DENY",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    ...headers,
  });
}

export function redirect(res: ServerResponse, location: string): void {
  finish(res, 302, "text/plain;charset=UTF-8", `Redirecting to ${location}`, { location });
}

export function isFormRequest(req: IncomingMessage): boolean {
  const type = req.headers["content-type"] ?? "";
  return type.split(";")[0]?.trim().toLowerCase() === "application/x-www-form-urlencoded";
}

export function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers["content-type"] ?? "";
  return type.split(";")[0]?.trim().toLowerCase() === "application/json";
}

function formDecode(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/**
 * HTTP Basic client authentication. RFC 6749 §2.3.1 form-encodes the id and
 * secret before base64, which clients such as oauth4webapi and openid-client do.
 */
export function parseBasicAuth(req: IncomingMessage): { clientId: string; clientSecret: string } | null {
  const header = req.headers.authorization;
  const match = header ? /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header) : null;
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  const clientId = formDecode(decoded.slice(0, colon));
  const clientSecret = formDecode(decoded.slice(colon + 1));
  if (!clientId || !clientSecret) return null;
  return { clientId, clientSecret };
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export async function delay(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
