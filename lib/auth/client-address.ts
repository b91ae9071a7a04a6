import { getEnv } from "@/lib/env";
import { SOCKET_ADDRESS_HEADER, socketAddressHeaderIsSet } from "@/lib/http/raw-request.mjs";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

const header = (headers: Headers | Record<string, string | string[] | undefined>, name: string) => {
  const raw = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(raw) ? raw.join(",") : (raw ?? undefined);
};

/**
 * The address a request came from, for the per-address limits. Behind a
 * proxy (TRUST_PROXY=1) the socket is the proxy's, so the proxy's own
 * X-Forwarded-For entry (the last one) names the client. Otherwise the
 * header is the client's word — Next.js only fills it when the client sent
 * none — and the socket's address is used, which the app's server
 * (lib/http/app-server.mjs, under npm start and in the container) hands on. Without that server (a bare
 * `next start`) no address is known: null, and the limits fall back to per
 * email alone.
 */
export function clientAddress(headers: HeaderSource, trustProxy = getEnv().trustProxy): string | null {
  if (!headers) return null;
  const raw = trustProxy
    ? header(headers, "x-forwarded-for")
        ?.split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .at(-1)
    : socketAddressHeaderIsSet()
      ? header(headers, SOCKET_ADDRESS_HEADER)
      : undefined;
  return raw ? limitedAddress(raw) : null;
}

/**
 * The unit an address is limited by. An IPv4 address as it is (also when the
 * socket gives it IPv4-mapped, "::ffff:10.0.0.1"). An IPv6 address by its
 * /64: one host usually holds a whole /64 and could otherwise take a fresh
 * address for every attempt. Anything else (a proxy's "unknown") as it is.
 */
export function limitedAddress(address: string): string {
  const plain = address.trim().replace(/%.*$/, "").toLowerCase(); // no zone ("fe80::1%eth0")
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  return ipv6Prefix(plain) ?? plain;
}

function ipv6Prefix(address: string): string | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const groups = (text = "") => (text ? text.split(":") : []);
  const head = groups(halves[0]);
  // An IPv4 address at the end ("64:ff9b::10.0.0.1") stands for two groups.
  const tail = groups(halves[1]).flatMap((group) => (group.includes(".") ? ["0", "0"] : [group]));
  const missing = halves.length === 2 ? Math.max(0, 8 - head.length - tail.length) : 0;
  const full = [...head, ...Array.from({ length: missing }, () => "0"), ...tail];
  if (full.length !== 8 || !full.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  const prefix = full.slice(0, 4).map((group) => parseInt(group, 16).toString(16));
  return `${prefix.join(":")}::/64`;
}
