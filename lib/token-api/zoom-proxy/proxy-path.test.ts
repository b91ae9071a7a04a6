import { describe, expect, it } from "vitest";
import { zoomApiPath } from "./proxy-path";

const at = (path: string) => zoomApiPath(`/api/v1/credentials/cabc123/zoom/${path}`, "cabc123");

describe("the proxy's Zoom API paths", () => {
  it("passes relative API paths as sent, emails and double-encoded meeting UUIDs included", () => {
    expect(at("users/me")).toEqual({ path: "users/me" });
    expect(at("users/jo%40example.com/meetings")).toEqual({ path: "users/jo%40example.com/meetings" });
    expect(at("users/jo@example.com")).toEqual({ path: "users/jo@example.com" });
    expect(at("past_meetings/%252FabcD%253D%253D")).toEqual({ path: "past_meetings/%252FabcD%253D%253D" });
  });

  it("refuses traversal, encoded slashes, full URLs, empty segments and control characters", () => {
    for (const trick of [
      "",
      "..",
      "users/..",
      ".",
      "%2e%2e/token",
      "%252e%252e/token",
      "users%2Fme",
      "users%5Cme",
      "https:%2F%2Fevil.example",
      "https://evil.example/v2",
      "users//me",
      "users/%00",
      "users/%E0%A4%A",
      "users/me?x=1",
      "users/a b",
    ])
      expect(at(trick), trick).toHaveProperty("error");
    expect(zoomApiPath("/api/v1/credentials/other/zoom/users/me", "cabc123")).toHaveProperty("error");
  });
});
