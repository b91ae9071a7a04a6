import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import {
  connectAndAllow,
  connectOAuthCredential,
  startOAuthCredential,
  walkToConnect,
} from "./support/wizard";
import { createZoomApp } from "./support/zoom";

// Zoom keeps one authorization per user and app, whichever workspace of this
// app holds it: connecting again elsewhere kills the first one at Zoom.

test("the same Zoom user and app connected in a second workspace: warned before without names, and the first is marked Needs reconnect", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const first = await createWorkspaceWithOwner();
  const { app, user: zoomUser } = await createZoomApp();
  await signInByApi(page, first.owner);
  const firstId = await connectOAuthCredential(page, first.workspace.slug, app, "First team Zoom");

  // Someone in another workspace builds a credential on the same Zoom app.
  const second = await createWorkspaceWithOwner();
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await signInByApi(other, second.owner);
  const run = await startOAuthCredential(other, second.workspace.slug, "Second team Zoom");
  await walkToConnect(other, run, app);
  const warning = other.getByRole("status").filter({ hasText: "also connected elsewhere in this app" });
  await expect(warning).toContainText(
    "A Zoom user is connected through the same Zoom app elsewhere in this app. If you sign in to Zoom as that person, that connection stops working",
  );
  // Nothing of the first workspace shows: not its name, the credential's, nor the Zoom email.
  for (const secret of [first.workspace.name, "First team Zoom", zoomUser.email])
    await expect(other.getByText(secret)).toHaveCount(0);

  await connectAndAllow(other, zoomUser.email);
  await expect(other).toHaveURL(run.step("done"));

  // The first connection is dead at Zoom; the app says so at once, without naming the second workspace.
  const stored = await testDb().credential.findUniqueOrThrow({ where: { id: firstId } });
  expect(stored.status).toBe("needs_reconnect");
  expect(stored.lastErrorMessage).toBe(
    `Zoom stopped this connection because ${zoomUser.email} connected the same Zoom app again elsewhere in this app. Zoom keeps only the newest one. Reconnect here if you need both (each needs its own Zoom app).`,
  );
  await page.goto(`/w/${first.workspace.slug}/credentials/${firstId}`);
  const card = page.getByRole("region", { name: "Connection" });
  await expect(card.getByText("Needs reconnect", { exact: true })).toBeVisible();
  await expect(page.getByText("connected the same Zoom app again elsewhere in this app")).toBeVisible();
  for (const secret of [second.workspace.name, "Second team Zoom"])
    await expect(page.getByText(secret)).toHaveCount(0);

  // Reconnecting the first one warns again, now about this very Zoom user.
  await page.goto(`/w/${first.workspace.slug}/credentials/${firstId}/setup/connect`);
  await expect(page.getByRole("status").filter({ hasText: "also connected elsewhere" })).toContainText(
    "This Zoom user is connected through the same Zoom app elsewhere in this app.",
  );
  await otherContext.close();
});
