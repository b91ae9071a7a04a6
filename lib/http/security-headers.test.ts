import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from "./security-headers";

describe("security headers", () => {
  it("sends HSTS only when the public address is https", () => {
    expect(strictTransportSecurity("https://zoom-wizard.example.com")).toBe(
      "max-age=31536000; includeSubDomains",
    );
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
    expect(strictTransportSecurity(undefined)).toBeNull();
  });

  it("allows scripts by nonce only, with eval only in development", () => {
    const nonce = newNonce();
    expect(newNonce()).not.toBe(nonce);
    const production = contentSecurityPolicy(nonce, false);
    expect(production).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic';`);
    expect(production).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy(nonce, true)).toContain("'unsafe-eval'");
  });
});
