import { afterEach, describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, declareSocketAddressHeader } from "@/lib/http/raw-request.mjs";
import { clientAddress, limitedAddress } from "./client-address";

const SERVER_FLAG = Symbol.for("zcw.socketAddressHeader");
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[SERVER_FLAG];
});

describe("clientAddress", () => {
  it("behind a trusted proxy, takes the address the proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.9" }), true)).toBe("10.0.0.9");
    expect(clientAddress({ "x-forwarded-for": "::ffff:10.0.0.7" }, true)).toBe("10.0.0.7");
    expect(clientAddress({}, true)).toBeNull();
    expect(clientAddress(undefined, true)).toBeNull();
  });

  it("behind a trusted proxy, ignores the socket (it is the proxy's)", () => {
    declareSocketAddressHeader();
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "10.0.0.9" }, true)).toBe(
      "10.0.0.9",
    );
  });

  it("without one, takes the socket's address from the app's server and never X-Forwarded-For", () => {
    declareSocketAddressHeader();
    const headers = new Headers({
      [SOCKET_ADDRESS_HEADER]: "::ffff:127.0.0.2",
      "x-forwarded-for": "1.2.3.4",
    });
    expect(clientAddress(headers, false)).toBe("127.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "1.2.3.4" }, false)).toBeNull();
  });

  it("does not believe the socket header unless the app's server runs (a bare next start passes it on)", () => {
    expect(clientAddress({ [SOCKET_ADDRESS_HEADER]: "10.0.0.1" }, false)).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), false)).toBeNull();
  });
});

describe("limitedAddress", () => {
  it("keeps IPv4, also when the socket gives it IPv4-mapped", () => {
    expect(limitedAddress("10.1.2.3")).toBe("10.1.2.3");
    expect(limitedAddress("::ffff:10.1.2.3")).toBe("10.1.2.3");
    expect(limitedAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
  });

  it("limits IPv6 by its /64, however it is written", () => {
    const prefix = "2001:db8:aa:1::/64";
    expect(limitedAddress("2001:db8:aa:1::1")).toBe(prefix);
    expect(limitedAddress("2001:0db8:00aa:0001:ffff:1:2:3")).toBe(prefix);
    expect(limitedAddress("2001:DB8:AA:1:0:0:0:9%eth0")).toBe(prefix);
    expect(limitedAddress("2001:db8:aa:2::1")).not.toBe(prefix);
    expect(limitedAddress("::1")).toBe("0:0:0:0::/64");
    expect(limitedAddress("64:ff9b::10.0.0.1")).toBe("64:ff9b:0:0::/64");
  });

  it("keeps anything else as it is", () => {
    expect(limitedAddress("unknown")).toBe("unknown");
    expect(limitedAddress("1::2::3")).toBe("1::2::3");
  });
});
