import { expect, type Page } from "@playwright/test";
import { oauthGuide } from "../../lib/guides/oauth-guide";
import { formStep, nextStepKey, stepLabel } from "../../lib/guides/progress";
import { STEP_KIND_RULES } from "../../lib/guides/step-kinds";
import { wizardStepUrl } from "../../lib/guides/step-url";
import type { Guide, StepKey } from "../../lib/guides/types";

type OAuthKey = StepKey<typeof oauthGuide>;

/**
 * The OAuth wizard's steps as the guide has them, so a spec names a step by
 * what it holds and never spells its number or address: adding a step to the
 * guide changes no spec.
 */
export const OAUTH = {
  first: oauthGuide.keys[0],
  redirect: formStep(oauthGuide, "copy-urls").key,
  credentials: formStep(oauthGuide, "client-credentials").key,
  scopes: formStep(oauthGuide, "scopes").key,
  connect: formStep(oauthGuide, "connect").key,
  done: formStep(oauthGuide, "done").key,
  /** "step 6": how the app's words name a step of this guide. */
  label: (key: OAuthKey) => stepLabel(oauthGuide, key),
  /** "Step 4 of 7", the heading's count. */
  count: (key: OAuthKey) => `Step ${oauthGuide.keys.indexOf(key) + 1} of ${oauthGuide.keys.length}`,
} as const;

/**
 * Presses Next on each step of `guide` from `from` up to `to`, checking each
 * address on the way; every step passed must be one Next alone finishes.
 */
export async function nextThrough(
  page: Page,
  guide: Guide,
  url: (key: string) => string,
  from: string,
  to: string,
): Promise<void> {
  for (let key = from; key !== to; key = nextStepKey(guide, key)) {
    const step = guide.steps.find((s) => s.key === key)!;
    if (!STEP_KIND_RULES[step.kind].readOnly || key === nextStepKey(guide, key))
      throw new Error(`Cannot press Next from "${key}" to reach "${to}" in the ${guide.method} guide.`);
    await next(page, url(nextStepKey(guide, key)));
  }
}

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
  const setup = new RegExp(`${base}/(c[a-z0-9]+)/setup/${OAUTH.first}$`);
  await expect(page).toHaveURL(setup);
  const credentialId = setup.exec(page.url())![1]!;
  const step = (key: string) => wizardStepUrl(slug, credentialId, oauthGuide as Guide, key);
  return { slug, name, credentialId, base, step };
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

/** Back on the connect step after a failed handshake (an ?error= query is allowed, not required). */
export const backOnConnect = (run: WizardRun) =>
  new RegExp(`${escapeRegExp(run.step("connect"))}(\\?error=[\\w-]+)?$`);

/** Presses Next on the form of `from` (filled in already), then Next on the read-only steps up to `to`. */
export async function submitThrough(
  page: Page,
  guide: Guide,
  url: (key: string) => string,
  from: string,
  to: string,
): Promise<void> {
  const after = nextStepKey(guide, from);
  await next(page, url(after));
  await nextThrough(page, guide, url, after, to);
}

/**
 * Next on the page's current OAuth step (its form filled in already), then on
 * through the read-only steps up to `to`.
 */
export async function nextTo(page: Page, run: Pick<WizardRun, "step">, to: OAuthKey): Promise<void> {
  const current = new URL(page.url()).pathname.split("/").pop()!;
  await submitThrough(page, oauthGuide, run.step, current, to);
}

/** Presses Next on an info step and waits for the next step's URL. */
export async function next(page: Page, to: string): Promise<void> {
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(to);
}

/** From the first step to the Client ID / Client Secret form, pressing Next on the steps before it. */
export async function walkToCredentials(page: Page, run: WizardRun): Promise<void> {
  await expect(page).toHaveURL(run.step(OAUTH.first));
  await nextThrough(page, oauthGuide, run.step, OAUTH.first, OAUTH.credentials);
}

/** The keys form → the scopes form. */
export async function fillCredentials(
  page: Page,
  run: WizardRun,
  keys: { clientId: string; clientSecret: string },
): Promise<void> {
  await page.getByLabel("Client ID").fill(keys.clientId);
  await page.getByLabel("Client Secret").fill(keys.clientSecret);
  await submitThrough(page, oauthGuide, run.step, OAUTH.credentials, OAUTH.scopes);
}

/** From the first step to Connect, with the given keys and the default scopes. */
export async function walkToConnect(
  page: Page,
  run: WizardRun,
  keys: { clientId: string; clientSecret: string },
): Promise<void> {
  await walkToCredentials(page, run);
  await fillCredentials(page, run, keys);
  await submitThrough(page, oauthGuide, run.step, OAUTH.scopes, OAUTH.connect);
}

/** On the connect step: Connect to Zoom, then Allow on Zoom's (emulated) consent page. Does not wait for the way back. */
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
  await expect(page).toHaveURL(run.step(OAUTH.done));
  return run;
}

/** Walks the OAuth wizard quickly (the full walk with every check is oauth-wizard.spec.ts). */
export async function connectOAuthCredential(
  page: Page,
  slug: string,
  app: { clientId: string; clientSecret: string },
  name = "Team Zoom",
): Promise<string> {
  const run = await startOAuthCredential(page, slug, name);
  await walkToConnect(page, run, app);
  await page.getByRole("button", { name: /Connect to Zoom/ }).click();
  await page.getByRole("button", { name: "Allow" }).click();
  await expect(page).toHaveURL(run.step(OAUTH.done));
  return run.credentialId;
}
