import { describe, expect, it } from "vitest";
import { classifyApiError, lookupZoomCode } from "@/lib/zoom/error-catalogue";
import { credentialErrorFrom } from "./record-credential-error";

const scopeAnswer = (code: number) =>
  classifyApiError({
    status: 400,
    body: {
      code,
      message: "Invalid access token, does not contain scopes:[user:read:user, user:read:user:admin]",
    },
  });

describe("credentialErrorFrom", () => {
  it.each([4700, 4711, 104])("a missing scope under code %i is read back as a missing scope", (code) => {
    const stored = credentialErrorFrom(scopeAnswer(code));
    expect(lookupZoomCode(stored.code).id).toBe("missing_scope");
    expect(stored.message).toContain("Add the scope user:read:user on your app's Scopes page");
  });

  it("keeps Zoom's own code when it reads back to the same entry, or to nothing known", () => {
    expect(credentialErrorFrom(scopeAnswer(4711)).code).toBe("4711");
    expect(credentialErrorFrom(lookupZoomCode("invalid_grant")).code).toBe("invalid_grant");
    expect(credentialErrorFrom(lookupZoomCode("HTTP 503")).code).toBe("HTTP 503");
    expect(credentialErrorFrom(lookupZoomCode("9999")).code).toBe("9999");
  });
});
