import { expect, test, type Page } from "@playwright/test";
import { createApiKey } from "../lib/api-keys/manage-api-keys";
import { rewriteActionCalls } from "./support/crafted-requests";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { seedCredential } from "./support/seed";
import { addZoomAppInUi, colleagueInZoom, connectMyZoomAccount } from "./support/zoom-apps";
import { createZoomApp, zoom } from "./support/zoom";

// A connection through a shared Zoom app never writes to the app: its wizard
// opens only the connect step, and the keys and scopes actions refuse in words,
// even when the request is crafted to name the connection. Otherwise one
// member's paste would become every connection's keys at its next renewal.

const REFUSED =
  "its Client ID, Client Secret and scopes belong to the app, and only a workspace admin changes them. Nothing was changed.";

async function signedIn(page: Page, user: Parameters<typeof signInByApi>[1]) {
  const context = await page.context().browser()!.newContext();
  const other = await context.newPage();
  await signInByApi(other, user);
  return { page: other, close: () => context.close() };
}

test("a member cannot change a shared app's keys or scopes through their draft; the owner's connection still renews after Zoom's 124", async ({
  page,
  request,
}) => {
  test.slow(); // three people, a Zoom handshake, crafted posts and a renewal through the proxy
  const { owner, workspace } = await createWorkspaceWithOwner();
  const { app, user: ownersZoomUser } = await createZoomApp();

  // An admin adds the app for the workspace (shared); the owner connects through it.
  const admin = await signedIn(page, await addMember(workspace, "admin", "Ada Admin"));
  const appId = await addZoomAppInUi(admin.page, workspace.slug, "Team app", app);
  await admin.close();
  await signInByApi(page, owner);
  const ownersConnection = await connectMyZoomAccount(
    page,
    workspace.slug,
    "Olivia's Zoom",
    ownersZoomUser.email,
  );
  const appBefore = await testDb().zoomApp.findUniqueOrThrow({ where: { id: appId } });

  // A member presses Connect my Zoom account and leaves at Zoom's consent page: a draft through the app.
  const mia = await addMember(workspace, "member", "Mia Member");
  const zoomUser = await colleagueInZoom(ownersZoomUser.accountId, "Mia", app.clientId);
  const member = await signedIn(page, mia);
  const visit = member.page;
  await visit.goto(`/w/${workspace.slug}/connect`);
  await visit.getByLabel("Credential name").fill("Mia's Zoom");
  await visit.getByRole("button", { name: "Connect to Zoom" }).click();
  await expect(visit.getByText(zoomUser.email)).toBeVisible();
  const draft = await testDb().credential.findFirstOrThrow({
    where: { workspaceId: workspace.id, ownerId: mia.id, zoomAppId: appId },
    select: { id: true },
  });

  // The keys and scopes steps of the draft are closed: the gate sends her to the connect step.
  const step = (id: string, key: string) => `/w/${workspace.slug}/credentials/${id}/setup/${key}`;
  for (const key of ["credentials", "scopes"]) {
    await visit.goto(step(draft.id, key));
    await expect(visit).toHaveURL(step(draft.id, "connect"));
    await expect(visit.getByLabel("Client ID")).toHaveCount(0);
    await expect(visit.getByRole("link", { name: "Back" })).toHaveCount(0);
  }
  // Her connection's page says whose the secret is, instead of offering to replace it.
  await visit.goto(`/w/${workspace.slug}/credentials/${draft.id}`);
  await expect(visit.getByText("The Client Secret belongs to the shared Zoom app “Team app”")).toBeVisible();
  await expect(visit.getByRole("button", { name: "Save new secret" })).toHaveCount(0);

  // Crafted: the keys and scopes forms of a draft of her own, sent naming the shared app's draft.
  const own = await seedCredential(workspace, mia, { name: "Own", method: "oauth", wizardStep: "redirect" });
  const ownAtScopes = await seedCredential(workspace, mia, {
    name: "Own 2",
    method: "oauth",
    wizardStep: "credentials",
  });
  const crafted = await rewriteActionCalls(visit, { [own.id]: draft.id, [ownAtScopes.id]: draft.id });
  await visit.goto(step(own.id, "credentials"));
  await visit.getByLabel("Client ID").fill("MiasOwnClientId01");
  await visit.getByLabel("Client Secret").fill("MiasOwnClientSecret0123456789");
  await visit.getByRole("button", { name: "Next" }).click();
  await expect(visit.getByRole("alert").filter({ hasText: REFUSED })).toContainText(
    "This connection goes through the shared Zoom app “Team app”",
  );
  await expect(visit).toHaveURL(step(own.id, "credentials"));
  await visit.goto(step(ownAtScopes.id, "scopes"));
  await visit.getByLabel(/Delete meetings/).check();
  await visit.getByRole("button", { name: "Next" }).click();
  await expect(visit.getByRole("alert").filter({ hasText: REFUSED })).toBeVisible();
  expect(crafted.rewritten()).toBe(2);
  await member.close();

  // The app is as the admin left it: same Client ID, secret and scopes.
  const appAfter = await testDb().zoomApp.findUniqueOrThrow({ where: { id: appId } });
  expect(appAfter).toEqual(appBefore);
  expect(appAfter.developmentClientId).toBe(app.clientId);

  // Zoom stops taking the owner's access token (124): the proxy renews with the app's keys and retries.
  const { key } = await createApiKey(testDb(), { user: owner, workspace, role: "owner" }, { name: "node" });
  await zoom.expireAccessTokens(app.clientId);
  const renewals = (await zoom.counters(app.clientId)).token.refresh_token;
  const answer = await request.get(`/api/v1/credentials/${ownersConnection}/zoom/users/me`, {
    headers: { Authorization: `Bearer ${key}` },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  expect(((await answer.json()) as { email: string }).email).toBe(ownersZoomUser.email);
  expect((await zoom.counters(app.clientId)).token.refresh_token - renewals).toBe(1);
  const connection = await testDb().credential.findUniqueOrThrow({
    where: { id: ownersConnection },
    select: { status: true },
  });
  expect(connection.status).toBe("connected");
});
