import { describe, expect, it } from "vitest";
import { wrongZoomUser } from "./expected-zoom-user";
import { expectedZoomEmailSchema } from "./schemas";

describe("the Zoom user a connection is meant for", () => {
  it("normalises the typed email; empty clears it; a missing field changes nothing", () => {
    expect(expectedZoomEmailSchema.parse("  Dana@Example.COM ")).toBe("dana@example.com");
    expect(expectedZoomEmailSchema.parse("")).toBeNull();
    expect(expectedZoomEmailSchema.parse(undefined)).toBeUndefined();
    const bad = expectedZoomEmailSchema.safeParse("dana@");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe(
      "Type the whole Zoom email, like dana@example.com, or leave it empty.",
    );
  });

  it("flags another Zoom user than meant, and nothing else", () => {
    expect(wrongZoomUser({ zoomEmail: "b@example.com", expectedZoomEmail: "a@example.com" })).toEqual({
      signedInAs: "b@example.com",
      meantFor: "a@example.com",
    });
    expect(wrongZoomUser({ zoomEmail: "A@example.com", expectedZoomEmail: "a@example.com" })).toBeNull();
    expect(wrongZoomUser({ zoomEmail: "b@example.com", expectedZoomEmail: null })).toBeNull();
    expect(wrongZoomUser({ zoomEmail: null, expectedZoomEmail: "a@example.com" })).toBeNull();
  });
});
