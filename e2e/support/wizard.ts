import { expect, type Page } from "@playwright/test";

/** Walks the OAuth wizard quickly (the full walk with every check is oauth-wizard.spec.ts). */
export async function connectOAuthCredential(page: Page, slug: string, app: { clientId: string; clientSecret: string }, name = "Team Zoom"): Promise<string> {
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
