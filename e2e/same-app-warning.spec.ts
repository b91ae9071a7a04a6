import { expect, test } from "@playwright/test";
import { addMember, createWorkspaceWithOwner, signInByApi } from "./support/factory";
import { connectOAuthCredential, startOAuthCredential, walkToConnect } from "./support/wizard";
import { createZoomApp } from "./support/zoom";

test("the same-app warning shows a member no other person's connection", async ({ page, browser }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  await connectOAuthCredential(page, workspace.slug, app, "Olivia's private Zoom");

  // A member sets up their own credential on the same Zoom app.
  const member = await addMember(workspace, "member", "Mia Member");
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signInByApi(memberPage, member);
  const run = await startOAuthCredential(memberPage, workspace.slug, "Mia's Zoom");
  await walkToConnect(memberPage, run, app);
  const warning = memberPage.getByRole("status").filter({ hasText: "Connecting the same Zoom user twice" });
  await expect(warning).toContainText(
    "already connected in this workspace as: 1 connection of other people.",
  );
  await expect(memberPage.getByText("Olivia's private Zoom")).toHaveCount(0);
  await expect(memberPage.getByText(user.email)).toHaveCount(0);
  await memberContext.close();
  // (An admin sees the name and Zoom email: oauth-wizard-gate.spec.ts.)
});
