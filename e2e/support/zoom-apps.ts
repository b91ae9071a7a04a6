import { expect, type Page } from "@playwright/test";
import { formStep, nextStepKey } from "../../lib/guides/progress";
import { appSetupGuide, appSetupUrl, type AppSetupKey } from "../../lib/zoom-apps/app-setup-guide";
import { unique } from "./factory";
import { next, nextThrough } from "./wizard";
import { zoom } from "./zoom";

/** "Add a Zoom app" through its UI, as an admin: the Marketplace steps, ending on "App saved". Returns the app's id. */
export async function addZoomAppInUi(
  page: Page,
  slug: string,
  name: string,
  keys: { clientId: string; clientSecret: string },
): Promise<string> {
  await page.goto(`/w/${slug}/apps`);
  await page.getByRole("link", { name: "Add a Zoom app" }).click();
  await expect(page).toHaveURL(`/w/${slug}/apps/new`);
  await page.getByLabel("App name").fill(name);
  await page.getByRole("button", { name: "Start setup" }).click();
  const setup = new RegExp(`/w/${slug}/apps/(c[a-z0-9]+)/setup/${appSetupGuide.keys[0]}$`);
  await expect(page).toHaveURL(setup);
  const appId = setup.exec(page.url())![1]!;
  const step = (key: string) => appSetupUrl(slug, appId, key as AppSetupKey);
  const [redirect, credentials, scopes, saved] = (
    ["copy-urls", "client-credentials", "scopes", "done"] as const
  ).map((kind) => formStep(appSetupGuide, kind).key);
  await nextThrough(page, appSetupGuide, step, appSetupGuide.keys[0], redirect!);
  await expect(page.getByRole("button", { name: "Copy OAuth Redirect URL" })).toBeVisible();
  await nextThrough(page, appSetupGuide, step, redirect!, credentials!);
  await page.getByLabel("Client ID").fill(keys.clientId);
  await page.getByLabel("Client Secret").fill(keys.clientSecret);
  await next(page, step(nextStepKey(appSetupGuide, credentials!)));
  await nextThrough(page, appSetupGuide, step, nextStepKey(appSetupGuide, credentials!), scopes!);
  await next(page, step(nextStepKey(appSetupGuide, scopes!)));
  await expect(page).toHaveURL(step(saved!));
  await expect(page.getByRole("heading", { name: "App saved" })).toBeVisible();
  return appId;
}

/** Another Zoom user of the same Zoom account as `accountId` (an unpublished app admits no one else). */
export async function colleagueInZoom(accountId: string, firstName: string, clientId: string) {
  const user = {
    id: unique("zu"),
    email: `${unique(firstName.toLowerCase())}@zoom-user.example`,
    firstName,
    lastName: "Colleague",
    accountId,
  };
  await zoom.registerUser(user);
  await zoom.signIn(user.id, clientId);
  return user;
}

/** On "Connect my Zoom account": name it, Connect to Zoom, Allow; ends on the done page. Returns the credential id. */
export async function connectMyZoomAccount(page: Page, slug: string, name: string, zoomEmail: string) {
  await page.goto(`/w/${slug}/connect`);
  await page.getByLabel("Credential name").fill(name);
  await page.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(page.getByText(zoomEmail)).toBeVisible();
  await page.getByRole("button", { name: "Allow" }).click();
  const done = new RegExp(`/w/${slug}/connect/done\\?credential=(c[a-z0-9]+)$`);
  await expect(page).toHaveURL(done);
  await expect(page.getByRole("heading", { name: "Done — your Zoom account is connected" })).toBeVisible();
  return done.exec(page.url())![1]!;
}
