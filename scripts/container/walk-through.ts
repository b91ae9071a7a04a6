// What a new self-hoster does with a fresh container, in Chromium, through the
// app's own screens (test-container.sh runs it against the image):
//   setup <app url> <emulator url> <state file>   first-run form → workspace; a Server-to-Server
//       connection through the Zoom emulator; an API key; GET /api/v1/credentials/{id}/token → 200.
//   check <app url> <state file>                  the same person signs in again and the same key
//       still gets a token: the account, the connection and the encryption key survived.
//   token <app url> <state file>                  only the token call (another instance, same database).
// The state file (mode 600, in the test's temporary folder) carries the password and key between runs.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chromium, expect as baseExpect, type Page } from "@playwright/test";
import { emulatorControl } from "../../testing/zoom-emulator/control-client";

// Creating the owner hashes a password at bcrypt cost 12: seconds on a busy 2-core machine.
const expect = baseExpect.configure({ timeout: 30_000 });

type State = { email: string; password: string; slug: string; credentialId: string; apiKey: string };

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");
const say = (line: string) => console.log(`[walk-through] ${line}`);

async function withPage<T>(appUrl: string, work: (page: Page) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ baseURL: appUrl });
    page.setDefaultTimeout(20_000);
    return await work(page);
  } finally {
    await browser.close();
  }
}

/** A Server-to-Server app as if made in Zoom's Marketplace, with a user in its account. */
async function makeS2SApp(emulatorUrl: string) {
  const id = randomBytes(6).toString("hex");
  const app = { clientId: `s2s${id}`, clientSecret: `secret${id}abcdefghijkl`, accountId: `acct${id}` };
  const zoom = emulatorControl(emulatorUrl);
  await zoom.registerApp({
    ...app,
    type: "s2s",
    name: "Container check",
    scopes: ["user:read:user:admin", "meeting:read:list_meetings:admin"],
  });
  await zoom.registerUser({
    id: `zu${id}`,
    email: `sam-${id}@zoom-user.example`,
    firstName: "Sam",
    lastName: "Server",
    accountId: app.accountId,
  });
  return app;
}

async function fetchToken(appUrl: string, state: State) {
  const response = await fetch(`${appUrl}/api/v1/credentials/${state.credentialId}/token`, {
    headers: { Authorization: `Bearer ${state.apiKey}` },
  });
  const body = (await response.json().catch(() => null)) as { access_token?: unknown } | null;
  if (response.status !== 200 || typeof body?.access_token !== "string")
    throw new Error(`the token API answered ${response.status}, not 200 with an access_token`);
  say(`GET /api/v1/credentials/${state.credentialId}/token → 200 with an access token (${appUrl})`);
}

async function setup(appUrl: string, emulatorUrl: string, stateFile: string) {
  const id = randomBytes(4).toString("hex");
  const email = `owner-${id}@example.com`;
  const password = `container check ${id}`;
  const app = await makeS2SApp(emulatorUrl);

  const state = await withPage(appUrl, async (page) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();
    say("the first-run page answers");
    await page.getByLabel("Workspace name").fill("Container Check");
    await page.getByLabel("Your name").fill("Casey Container");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page).toHaveURL(/\/w\/[a-z0-9-]+\/credentials$/);
    const slug = /\/w\/([a-z0-9-]+)\/credentials$/.exec(page.url())![1]!;
    say(`workspace ${slug} created`);

    await page.goto(`/w/${slug}/credentials/new`);
    await page.getByRole("radio", { name: "Server-to-Server OAuth", exact: true }).check();
    await page.getByLabel("Credential name").fill("Account automations");
    await page.getByRole("button", { name: "Start setup" }).click();
    await expect(page).toHaveURL(/\/credentials\/c[a-z0-9]+\/setup\/s2s-marketplace$/);
    const credentialId = /\/credentials\/(c[a-z0-9]+)\/setup\//.exec(page.url())![1]!;
    await page.getByRole("button", { name: "Next" }).click();
    await page.getByLabel("Account ID").fill(app.accountId);
    await page.getByLabel("Client ID").fill(app.clientId);
    await page.getByLabel("Client Secret").fill(app.clientSecret);
    await page.getByRole("button", { name: "Next" }).click();
    for (const step of ["s2s-information", "s2s-scopes", "s2s-activate"]) {
      await expect(page).toHaveURL(new RegExp(`/setup/${step}$`));
      await page.getByRole("button", { name: "Next" }).click();
    }
    await expect(page).toHaveURL(/\/setup\/s2s-connect$/);
    await page.getByRole("button", { name: "Connect to Zoom" }).click();
    await expect(page).toHaveURL(/\/setup\/done$/);
    await expect(page.getByRole("region", { name: "Connection" })).toContainText("Server-to-Server OAuth");
    say(`Server-to-Server connection ${credentialId} made through the Zoom emulator`);

    await page.goto(`/w/${slug}/admin/api-keys`);
    await page.getByLabel("Key name").fill("container check");
    await page.getByRole("button", { name: "Create API key" }).click();
    const apiKey = await page.getByLabel("API key", { exact: true }).inputValue();
    say("API key created");
    return { email, password, slug, credentialId, apiKey };
  });
  writeFileSync(stateFile, JSON.stringify(state), { mode: 0o600 });
  await fetchToken(appUrl, state);
}

async function check(appUrl: string, stateFile: string) {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as State;
  await withPage(appUrl, async (page) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(state.email);
    await page.getByLabel("Password").fill(state.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${state.slug}/credentials$`));
    await expect(page.getByRole("link", { name: "Account automations", exact: true })).toBeVisible();
    say(`${state.email} signs in and sees the connection (${appUrl})`);
  });
  await fetchToken(appUrl, state);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === "setup" && args.length === 3) await setup(args[0]!, args[1]!, args[2]!);
  else if (command === "check" && args.length === 2) await check(args[0]!, args[1]!);
  else if (command === "token" && args.length === 2)
    await fetchToken(args[0]!, JSON.parse(readFileSync(args[1]!, "utf8")) as State);
  else
    throw new Error(
      "usage: walk-through.ts setup <app url> <emulator url> <state file> | check|token <app url> <state file>",
    );
} catch (error) {
  console.error(`[walk-through] FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
