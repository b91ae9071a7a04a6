import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { E2E_APP_URL, e2eEnv } from "./e2e/support/test-env";

// Test workers read the same database as the server (e2e/support/factory.ts).
Object.assign(process.env, e2eEnv());

/**
 * Specs whose outcome can depend on the database engine (races, leases,
 * concurrent writes, rate limits counted in the database, the first-run
 * transaction). `npm test` runs every spec on SQLite, then these again on
 * PostgreSQL (E2E_PASS=postgres). A single test elsewhere joins them with the
 * tag: test("…", { tag: "@postgres" }, …).
 */
export const POSTGRES_SPECS = [
  "first-run.spec.ts",
  "invite-race.spec.ts",
  "renewal-per-refusal.spec.ts",
  "revoke-safely.spec.ts",
  "sign-in.spec.ts",
  "token-api.spec.ts",
];
const EXCLUSIVE_SPECS = ["sign-in-flood.spec.ts"];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// Playwright matches grep against the file path, the titles and the tags.
const postgresPass = process.env.E2E_PASS === "postgres";
const postgresOnly = new RegExp(
  ["@postgres", ...POSTGRES_SPECS.map((file) => `\\b${escape(file)}`)].join("|"),
);

// Debian's chromium-headless-shell when it is installed, else Debian's chromium: the same
// Chromium, without the full browser's display compositor. Measured on these 2 cores, a spec run
// took about a quarter less CPU and wall time in it than in chromium's headless mode.
const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  workers: Number(process.env.E2E_WORKERS ?? 2),
  ...(postgresPass ? { grep: postgresOnly } : {}),
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: E2E_APP_URL,
    // A trace costs every test CPU while it records. npm test, whose failures are read in its
    // output, turns it off (E2E_TRACE=off); `npx playwright test <spec>` keeps failures' traces.
    trace: process.env.E2E_TRACE === "off" ? "off" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [
    // The first-run screen only exists while the database is empty: it runs alone, first.
    { name: "first-run", testMatch: "first-run.spec.ts", use: { ...devices["Desktop Chrome"] } },
    {
      name: "chromium",
      testIgnore: ["first-run.spec.ts", ...EXCLUSIVE_SPECS],
      dependencies: ["first-run"],
      use: { ...devices["Desktop Chrome"] },
    },
    // Specs that load the whole server on purpose (a flood of sign-ins fills the queue of password
    // checks everyone shares) would disturb the tests beside them: they run after the rest, alone.
    // To run one by itself: `npx playwright test e2e/sign-in-flood.spec.ts --no-deps`.
    {
      name: "exclusive",
      testMatch: EXCLUSIVE_SPECS,
      dependencies: ["chromium"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: {
    command: "node --import tsx e2e/support/serve.ts",
    url: `${E2E_APP_URL}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
