import { describe, expect, it } from "vitest";
import { hasDotSegment } from "./raw-request.mjs";

describe("hasDotSegment", () => {
  it("finds every spelling a URL parser resolves away", () => {
    for (const dots of ["..", ".", "%2e%2e", "%2E%2E", "%2e", "%2E.", ".%2e", "%2e."])
      for (const target of [
        `/api/v1/credentials/${dots}/token`,
        `/api/v1/credentials/x/token/${dots}`,
        `/${dots}`,
        `/api/v1/credentials/${dots}?q=1`,
        `/api/v1/credentials\\${dots}\\token`,
      ])
        expect(hasDotSegment(target), target).toBe(true);
  });

  it("leaves every other path alone", () => {
    for (const target of [
      "/",
      "/api/v1/credentials/abc/token",
      "/api/v1/credentials/abc/zoom/users/me?from=../x",
      "/file.txt",
      "/...",
      "/.well-known/x",
      "/a..b",
      "/api/v1/credentials/..%2F..%2Fetc%2Fpasswd/token",
      "/%2e%2e%2e",
    ])
      expect(hasDotSegment(target), target).toBe(false);
  });
});
