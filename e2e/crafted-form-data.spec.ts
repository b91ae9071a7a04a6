import { expect, test, type Page } from "@playwright/test";
import { addFormFields, credentialRow } from "./support/crafted-requests";
import { createWorkspaceWithOwner, signInByApi } from "./support/factory";
import { seedCredential, workspaceSnapshot } from "./support/seed";

// Form posts no page of the app would send — each gets a plain message, and
// nothing is stored.

const BROKEN_FORM = "Something is missing from the form. Reload the page and try again.";

async function ownerWithDrafts(page: Page) {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const oauth = await seedCredential(workspace, owner, {
    name: "Draft Zoom",
    method: "oauth",
    wizardStep: "credentials",
  });
  const s2s = await seedCredential(workspace, owner, {
    name: "S2S Zoom",
    method: "s2s",
    wizardStep: "s2s-marketplace",
  });
  await signInByApi(page, owner);
  const before = await workspaceSnapshot(workspace.id);
  const step = (id: string, key: string) => `/w/${workspace.slug}/credentials/${id}/setup/${key}`;
  return {
    workspace,
    oauth,
    s2s,
    step,
    unchanged: async () => expect(await workspaceSnapshot(workspace.id)).toEqual(before),
  };
}

const alertWith = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

/** Sets a field's value past what its input allows (as a crafted request can). */
async function setValue(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).evaluate((input, text) => {
    (input as HTMLInputElement).removeAttribute("maxlength");
    (input as HTMLInputElement).value = text;
  }, value);
}

test("unknown scope ids on the scopes step: a plain message, no scopes saved", async ({ page }) => {
  const { oauth, step, unchanged } = await ownerWithDrafts(page);
  await page.goto(step(oauth.id, "scopes"));
  await addFormFields(page, 'input[name="scope"] >> nth=0', [
    ["scope", "recording:delete:everything"],
    ["scope", "<script>alert(1)</script>"],
  ]);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    alertWith(page, "One of the choices is not known. Reload the page and try again."),
  ).toBeVisible();
  await expect(page).toHaveURL(step(oauth.id, "scopes"));
  await unchanged();
});

test("a field sent several times where one value belongs: a plain message, nothing changes", async ({
  page,
}) => {
  const { workspace, oauth, step, unchanged } = await ownerWithDrafts(page);
  // The credential page's rename, with a second credential id.
  await page.goto(`/w/${workspace.slug}/credentials/${oauth.id}`);
  await page.getByLabel("Credential name").fill("Renamed twice");
  await addFormFields(page, 'input[name="name"]', [["credentialId", oauth.id]]);
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(alertWith(page, BROKEN_FORM)).toBeVisible();

  // The wizard's keys step, with two Client IDs.
  await page.goto(step(oauth.id, "credentials"));
  await page.getByLabel("Client ID").fill("FirstClientId01");
  await page.getByLabel("Client Secret").fill("SomeClientSecret0123456789");
  await addFormFields(page, 'input[name="clientId"]', [["clientId", "SecondClientId02"]]);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(alertWith(page, BROKEN_FORM)).toBeVisible();
  await expect(page).toHaveURL(step(oauth.id, "credentials"));
  await unchanged();
});

test("oversized values: the field's own limit in words, and a body past the server's limit gets a plain message too", async ({
  page,
}) => {
  const { workspace, oauth, step, unchanged } = await ownerWithDrafts(page);
  await page.goto(`/w/${workspace.slug}/credentials/${oauth.id}`);
  await setValue(page, "Credential name", "N".repeat(100_000));
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Use at most 80 characters for the name.")).toBeVisible();

  await page.goto(step(oauth.id, "credentials"));
  await setValue(page, "Client ID", "A".repeat(5_000));
  await page.getByLabel("Client Secret").fill("SomeClientSecret0123456789");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByText("That is longer than any Zoom Client ID. Copy only the Client ID."),
  ).toBeVisible();

  // Two megabytes: past what the server reads at all.
  await page.goto(`/w/${workspace.slug}/credentials/${oauth.id}`);
  await setValue(page, "Credential name", "N".repeat(2_000_000));
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { name: "That did not work" })).toBeVisible();
  await expect(
    alertWith(
      page,
      "The server could not take that request, so nothing was saved. A value may be far too long",
    ),
  ).toBeVisible();
  expect((await credentialRow(oauth.id))?.name).toBe("Draft Zoom");
  await unchanged();
});

test("steps of another wizard sent to this one: a plain message, the progress stays", async ({ page }) => {
  const { oauth, s2s, step, unchanged } = await ownerWithDrafts(page);
  for (const [credential, own, foreign] of [
    [oauth, "marketplace", "s2s-information"],
    [oauth, "marketplace", "jwt-token"],
    [s2s, "s2s-marketplace", "redirect"],
  ] as const) {
    await page.goto(step(credential.id, own));
    await page
      .locator('input[name="step"]')
      .evaluate((input, key) => ((input as HTMLInputElement).value = key), foreign);
    await page.getByRole("button", { name: "Next" }).click();
    await expect(alertWith(page, "Finish the earlier steps first.")).toBeVisible();
    await expect(page).toHaveURL(step(credential.id, own));
  }
  await unchanged();
});
