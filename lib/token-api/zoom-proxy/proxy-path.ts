// Characters a Zoom API path segment may hold as sent (RFC 3986 pchar minus
// ":", so nothing can look like a scheme); "@" stays: Zoom takes emails as user ids.
const SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=@%]+$/;
const MAX_PATH = 2_000;

function decodeFully(segment: string): string | null {
  let value = segment;
  for (let i = 0; i < 5; i++) {
    let next: string;
    try {
      next = decodeURIComponent(value);
    } catch {
      return null;
    }
    if (next === value) return value;
    value = next;
  }
  return null; // encoded five times over: nobody means that
}

/**
 * The Zoom API path after `/zoom/` in the request's raw (still encoded)
 * path, or why it is refused. Only relative paths under /v2 pass: no empty
 * segments, no "." or ".." (however often percent-encoded), no encoded "/"
 * or "\" — except the double-encoded "/" that Zoom asks for in meeting UUIDs.
 */
export function zoomApiPath(rawPathname: string, credentialId: string): { path: string } | { error: string } {
  const prefix = `/api/v1/credentials/${credentialId}/zoom/`;
  if (!rawPathname.startsWith(prefix))
    return { error: "Give a Zoom API path after /zoom/, e.g. /zoom/users/me." };
  const path = rawPathname.slice(prefix.length);
  if (!path || path.length > MAX_PATH)
    return { error: "Give a Zoom API path after /zoom/, e.g. /zoom/users/me (at most 2,000 characters)." };
  for (const segment of path.split("/")) {
    const decoded = segment === "" ? "" : decodeFully(segment);
    const once = segment === "" ? "" : safeDecode(segment);
    if (
      segment === "" ||
      !SEGMENT.test(segment) ||
      decoded === null ||
      once === null ||
      decoded === "." ||
      decoded.includes("..") ||
      /[/\\]/.test(once) ||
      decoded.includes("\\") ||
      hasControlCharacter(decoded)
    )
      return {
        error:
          "Only a relative Zoom API path is allowed after /zoom/ (like users/me or meetings/123): no full URLs, no “..”, no empty or encoded slashes.",
      };
  }
  return { path };
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

const hasControlCharacter = (value: string) =>
  [...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
