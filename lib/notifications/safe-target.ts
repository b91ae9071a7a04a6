import { lookup as dnsLookup } from "node:dns";
import { BlockList, isIP } from "node:net";

/**
 * Where an outbound webhook may go. Without WEBHOOK_ALLOW_PRIVATE_TARGETS the
 * app must not become a way into the network it runs in: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and reserved ranges are refused — checked on the address the
 * connection really uses (see guardedLookup), not only on the URL.
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join(".");
}

export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 4) return !blocked.check(address, "ipv4");
  const v4 = embeddedIpv4(address);
  if (v4) return !blocked.check(v4, "ipv4");
  return !blocked.check(address, "ipv6");
}

export class UnsafeTargetError extends Error {
  override name = "UnsafeTargetError";
}

/**
 * The one DNS lookup an outbound request may use: it resolves the name and
 * refuses when any answer is not public, so a name that resolved to a public
 * address at save time and to 127.0.0.1 now (DNS rebinding) is refused here,
 * on the very address the socket connects to.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (
    hostname: string,
    options: object,
    callback: (error: NodeJS.ErrnoException | null, address: string | object[], family?: number) => void,
  ) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "");
      const list = addresses as { address: string; family: number }[];
      const unsafe = list.find((entry) => !allowPrivate && !isPublicAddress(entry.address));
      if (unsafe)
        return callback(
          Object.assign(new UnsafeTargetError(`${hostname} resolves to a private address`), {
            code: "EUNSAFE",
          }),
          "",
        );
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error("no address"), { code: "ENOTFOUND" }), "");
      callback(null, first.address, first.family);
    });
  };
}

/**
 * The rules for a webhook URL a person types: https (http only with
 * WEBHOOK_ALLOW_PRIVATE_TARGETS), no user:password, and no literal private
 * address or "localhost". Names are checked again at every send.
 * Returns the problem in plain words, or null.
 */
export function webhookUrlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "Enter a full URL, like https://hooks.example.com/zoom-wizard.";
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:"))
    return "Use an https:// URL: webhooks carry details of your connections.";
  if (url.username || url.password)
    return "Leave the user name and password out of the URL: each delivery is signed instead.";
  if (allowPrivate) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost") || (isIP(host) !== 0 && !isPublicAddress(host)))
    return "That address is inside this server's own network, which webhooks may not reach. Use a public https:// URL.";
  return null;
}
