import { describe, expect, it } from "vitest";
import { redirectUrlWarnings } from "./redirect-url";

describe("redirectUrlWarnings", () => {
  it("plain localhost: Zoom may refuse it with 4700; suggests 127.0.0.1 with the same port, https for real use", () => {
    const [localhost, http] = redirectUrlWarnings("http://localhost:3000");
    expect(localhost?.id).toBe("localhost");
    expect(localhost?.message).toContain("error 4700");
    expect(localhost?.message).toContain("set APP_URL to http://127.0.0.1:3000");
    expect(localhost?.message).toContain("public https:// address");
    expect(http?.id).toBe("http");
  });

  it("127.0.0.1 is fine for a trial: only says other computers cannot reach it", () => {
    const warnings = redirectUrlWarnings("http://127.0.0.1:3000");
    expect(warnings.map((w) => w.id)).toEqual(["localhost", "http"]);
    expect(warnings[0]?.message).toContain("fine for a local trial");
    expect(warnings[0]?.message).not.toContain("4700");
  });

  it("a public https address gets no warning", () => {
    expect(redirectUrlWarnings("https://zoom-wizard.example.com")).toEqual([]);
  });
});
