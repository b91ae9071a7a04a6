// Both ways of starting the app — `npm start` and the container's entry — run
// for real in a process of their own with a wrong setting: each must stop with
// a sentence that says what to fix, exit 1, and print no stack trace or password.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/env";
import { startFailureMessage } from "./prepare-database";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const ENTRIES = ["scripts/start.ts", "scripts/container-start.ts"];
const PASSWORD = "db-password-that-must-never-be-printed";
const dataDir = mkdtempSync(path.join(tmpdir(), "zcw-prepare-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    // Only what the test sets: a developer's own DATABASE_URL or keys must not leak in.
    const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, SKIP_BUILD: "1", ...env };
    for (const name of ["DATABASE_URL", "ENCRYPTION_KEY", "NEXTAUTH_SECRET", "NODE_OPTIONS"])
      if (!(name in env)) delete childEnv[name];
    const child = spawn(process.execPath, ["--import", "tsx", entry], { cwd: REPO_ROOT, env: childEnv });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe.each(ENTRIES)("%s with a wrong setting", (entry) => {
  it("stops with the configuration's sentence", async () => {
    const { code, output } = await run(entry, { ENCRYPTION_KEY: "not-a-key" });
    expect(code).toBe(1);
    expect(output).toContain("ENCRYPTION_KEY: the key is not a valid key");
    expect(output).not.toMatch(/^\s+at /m);
  });

  it("stops with a sentence when the database cannot be reached, without the password", async () => {
    const port = await closedPort();
    const { code, output } = await run(entry, {
      DATABASE_URL: `postgresql://zcw:${PASSWORD}@127.0.0.1:${port}/zcw`,
    });
    expect(code).toBe(1);
    expect(output).toContain(`The database could not be prepared: connect ECONNREFUSED 127.0.0.1:${port}`);
    expect(output).toContain("Check DATABASE_URL");
    expect(output).not.toContain(PASSWORD);
    expect(output).not.toMatch(/^\s+at /m);
  });
});

describe("startFailureMessage", () => {
  it("names a refused connection that Node reports without a message by its code", () => {
    const error = Object.assign(new AggregateError([], ""), { code: "ECONNREFUSED" });
    expect(startFailureMessage(error)).toMatch(/prepared: ECONNREFUSED\nCheck DATABASE_URL/);
  });

  it("adds no DATABASE_URL hint to a migration's own problem", () => {
    const error = new Error("Migration 20261122074149_init was changed after it was applied.");
    expect(startFailureMessage(error)).toBe(
      "[start] The database could not be prepared: Migration 20261122074149_init was changed after it was applied.",
    );
  });

  it("passes the configuration's sentence through as it is", () => {
    expect(startFailureMessage(new ConfigError("The app's configuration is not valid:\n  PORT: …"))).toBe(
      "The app's configuration is not valid:\n  PORT: …",
    );
  });
});
