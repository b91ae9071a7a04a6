// What only the raw request shows, before Next.js parses it: the socket a
// request came in on, and its path exactly as sent. Plain JavaScript, because
// the app's server (lib/http/app-server.mjs) runs outside the bundle.

/**
 * The app's server writes each request's socket address into this header,
 * over anything the client sent under that name. Route code believes the
 * header only when that server runs in this process and says so (a flag on
 * globalThis): under a bare `next start` a client could write it.
 */
export const SOCKET_ADDRESS_HEADER = "x-zcw-socket-address";
const SERVER_FLAG = Symbol.for("zcw.socketAddressHeader");

export function declareSocketAddressHeader() {
  globalThis[SERVER_FLAG] = true;
}

/** @returns {boolean} */
export function socketAddressHeaderIsSet() {
  return globalThis[SERVER_FLAG] === true;
}

export const DOT_SEGMENT_MESSAGE =
  "This address is not valid: it contains “.” or “..” parts. Use the address exactly as documented.";

// The segments a URL parser resolves away ("/a/../b" is "/b"): "." and "..", and
// either written with %2e. A backslash separates segments too (WHATWG URL).
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Whether a request target has a dot segment. Next.js resolves them before
 * any code of ours runs, so `/api/v1/credentials/../token` would reach a
 * different route than the one written (or none); browsers never send them.
 * @param {string} target the request line's target, e.g. req.url
 * @returns {boolean}
 */
export function hasDotSegment(target) {
  const path = target.split(/[?#]/, 1)[0] ?? "";
  return path.split(/[/\\]/).some((segment) => DOT_SEGMENT.test(segment));
}
