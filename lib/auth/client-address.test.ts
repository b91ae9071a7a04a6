import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it("behind a trusted proxy, takes the address the proxy appended", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.9" }), true)).toBe("10.0.0.9");
    expect(clientAddress({ "x-forwarded-for": "::1" }, true)).toBe("::1");
    expect(clientAddress({}, true)).toBeNull();
    expect(clientAddress(undefined, true)).toBeNull();
  });

  it("without one, never trusts a header the client can write", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4" }), false)).toBeNull();
  });
});
