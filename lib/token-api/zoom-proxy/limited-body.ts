/** The largest body the proxy forwards to Zoom (Zoom's own JSON bodies are far smaller). */
export const MAX_PROXY_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
}

/**
 * The request body, read chunk by chunk and abandoned as soon as it passes
 * the limit (a Content-Length above it is refused before reading at all), so
 * a huge upload never sits in memory.
 */
export async function readLimitedBody(
  request: Request,
  limit = MAX_PROXY_BODY_BYTES,
): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLargeError();
  if (!request.body) return null;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError();
    }
    chunks.push(value);
  }
  if (size === 0) return null;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
