import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "./env";

function problem(source: Record<string, string>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("the configuration was accepted");
}

describe("KEEPER_INTERVAL_SECONDS", () => {
  it("runs every 60 seconds when unset, and takes whole seconds; 0 turns the keeper off", () => {
    expect(parseEnv({}).KEEPER_INTERVAL_SECONDS).toBe(60);
    expect(parseEnv({ KEEPER_INTERVAL_SECONDS: "300" }).KEEPER_INTERVAL_SECONDS).toBe(300);
    expect(parseEnv({ KEEPER_INTERVAL_SECONDS: " 15 " }).KEEPER_INTERVAL_SECONDS).toBe(15);
    expect(parseEnv({ KEEPER_INTERVAL_SECONDS: "0" }).KEEPER_INTERVAL_SECONDS).toBe(0);
  });

  it("stops the app with a sentence on a typo instead of turning the keeper off", () => {
    for (const typo of ["6O", "sixty", "", "-5", "1.5", "60s"])
      expect(problem({ KEEPER_INTERVAL_SECONDS: typo })).toContain(
        "KEEPER_INTERVAL_SECONDS: must be a whole number of seconds, like 60 (0 turns the keeper off)",
      );
    expect(problem({ KEEPER_INTERVAL_SECONDS: "100000" })).toContain(
      "KEEPER_INTERVAL_SECONDS: must be at most 86400 (one day)",
    );
  });
});

describe("KEEPER_CONCURRENCY and METRICS_TOKEN", () => {
  it("runs 4 renewals at once unless told, between 1 and 32", () => {
    expect(parseEnv({}).KEEPER_CONCURRENCY).toBe(4);
    expect(parseEnv({ KEEPER_CONCURRENCY: " 8 " }).KEEPER_CONCURRENCY).toBe(8);
    for (const typo of ["four", "", "2.5", "-1"])
      expect(problem({ KEEPER_CONCURRENCY: typo })).toContain("KEEPER_CONCURRENCY: must be a whole number");
    expect(problem({ KEEPER_CONCURRENCY: "0" })).toContain("KEEPER_CONCURRENCY: must be at least 1");
    expect(problem({ KEEPER_CONCURRENCY: "100" })).toContain("KEEPER_CONCURRENCY: must be at most 32");
  });

  it("leaves metrics off without a token, and refuses a short one", () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "0123456789abcdef0123" }).METRICS_TOKEN).toBe("0123456789abcdef0123");
    expect(problem({ METRICS_TOKEN: "short" })).toContain("METRICS_TOKEN: must be at least 16 characters");
  });
});

describe("TRUST_PROXY", () => {
  it("is off when unset, and says 1 or 0 (true or false)", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "true" }).TRUST_PROXY).toBe(true);
    expect(parseEnv({ TRUST_PROXY: "0" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
  });

  it("stops the app with a sentence on anything else", () => {
    for (const typo of ["yes", "on", "", "2", "TRUE "])
      expect(problem({ TRUST_PROXY: typo })).toContain("TRUST_PROXY: must be 1 (on) or 0 (off)");
  });
});

describe("the configuration message", () => {
  it("names every wrong variable at once", () => {
    const message = problem({ KEEPER_INTERVAL_SECONDS: "often", TRUST_PROXY: "yes", PORT: "http" });
    expect(message).toMatch(/^The app's configuration is not valid:\n/);
    expect(message).toContain("KEEPER_INTERVAL_SECONDS:");
    expect(message).toContain("TRUST_PROXY:");
    expect(message).toContain("PORT:");
  });
});
