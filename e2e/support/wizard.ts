import { expect, type Page } from "@playwright/test";

/**
 * Walking the OAuth wizard through its UI, for specs whose subject is a later
 * step (errors, resume, accessibility). The happy path itself is spelled out
 * in oauth-wizard.spec.ts.
 */
export type WizardRun = {
  slug: string;
  name: string;
  credentialId: string;
  base: string;
  step: (key: string) => string;
};

export const credentialsPath = (slug: string) => `/w/${slug}/credentials`;

/** New credential page → name → Start setup; returns the wizard's URLs. */
export async function startOAuthCredential(page: Page, slug: string, name: string): Promise<WizardRun> {
  const base = credentialsPath(slug);
  await page.goto(`${base}/new`);
  await page.getByLabel("Credential name").fill(name);
  await page.getByRole("button", { name: "Start setup" }).click();
  const setup = new RegExp(`${base}/(c[a-z0-9]+)/setup/marketplace$`);
  await expect(page).toHaveURL(setup);
  const credentialId = setup.exec(page.url())![1]!;
  return { slug, name, credentialId, base, step: (key) => `${base}/${credentialId}/setup/${key}` };
}

/**
 * New credential page → method → name → Start setup, for any wizard; `firstStep` is the step the
 * method's guide opens on. Returns the credential's id and its step URLs.
 */
export async function startWizard(
  page: Page,
  options: { slug: string; method: string; name: string; firstStep: string },
): Promise<{ id: string; step: (key: string) => string }> {
  const base = credentialsPath(options.slug);
  await page.goto(`${base}/new`);
  await page.getByRole("radio", { name: options.method, exact: true }).check();
  await page.getByLabel("Credential name").fill(options.name);
  await page.getByRole("button", { name: "Start setup" }).click();
  const match = new RegExp(`${base}/(c[a-z0-9]+)/setup/${options.firstStep}$`);
  await expect(page).toHaveURL(match);
  const id = match.exec(page.url())![1]!;
  return { id, step: (key) => `${base}/${id}/setup/${key}` };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Back on step 6 after a failed handshake (an ?error= query is allowed, not required). */
export const backOnConnect = (run: WizardRun) =>
  new RegExp(`${escapeRegExp(run.step("connect"))}(\\?error=[\\w-]+)?$`);

/** Presses Next on an info step and waits for the next step's URL. */
export async function next(page: Page, to: string): Promise<void> {
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(to);
}

/** From step 1 to step 4 (the Client ID / Client Secret form), pressing Next on 1–3. */
export async function walkToCredentials(page: Page, run: WizardRun): Promise<void> {
  await expect(page).toHaveURL(run.step("marketplace"));
  await next(page, run.step("app-type"));
  await next(page, run.step("redirect"));
  await next(page, run.step("credentials"));
}

/** Step 4 → step 5. */
export async function fillCredentials(
  page: Page,
  run: WizardRun,
  keys: { clientId: string; clientSecret: string },
): Promise<void> {
  await page.getByLabel("Client ID").fill(keys.clientId);
  await page.getByLabel("Client Secret").fill(keys.clientSecret);
  await next(page, run.step("scopes"));
}

/** From step 1 to step 6 (Connect), with the given keys and the default scopes. */
export async function walkToConnect(
  page: Page,
  run: WizardRun,
  keys: { clientId: string; clientSecret: string },
): Promise<void> {
  await walkToCredentials(page, run);
  await fillCredentials(page, run, keys);
  await next(page, run.step("connect"));
}

/** On step 6: Connect to Zoom, then Allow on Zoom's (emulated) consent page. Does not wait for the way back. */
export async function connectAndAllow(page: Page, zoomEmail: string): Promise<void> {
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByRole("button", { name: "Allow" })).toBeVisible();
  await expect(page.getByText(zoomEmail)).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
}

/** The whole wizard, ending on the done step. */
export async function connectCredential(
  page: Page,
  slug: string,
  name: string,
  app: { clientId: string; clientSecret: string },
  zoomEmail: string,
): Promise<WizardRun> {
  const run = await startOAuthCredential(page, slug, name);
  await walkToConnect(page, run, app);
  await connectAndAllow(page, zoomEmail);
  await expect(page).toHaveURL(run.step("done"));
  return run;
}

/** Walks the OAuth wizard quickly (the full walk with every check is oauth-wizard.spec.ts). */
export async function connectOAuthCredential(
  page: Page,
  slug: string,
  app: { clientId: string; clientSecret: string },
  name = "Team Zoom",
): Promise<string> {
  await page.goto(`/w/${slug}/credentials/new`);
  await page.getByLabel("Credential name").fill(name);
  await page.getByRole("button", { name: "Start setup" }).click();
  const match = new RegExp(`/w/${slug}/credentials/(c[a-z0-9]+)/setup/marketplace$`);
  await expect(page).toHaveURL(match);
  const id = match.exec(page.url())![1]!;
  for (let i = 0; i < 3; i++) await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/setup\/credentials$/);
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByLabel("Client Secret").fill(app.clientSecret);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/setup\/scopes$/);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/setup\/connect$/);
  await page.getByRole("button", { name: /Connect to Zoom/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(`/w/${slug}/credentials/${id}/setup/done`);
  return id;
}
