import { expect, test, type Page } from "@playwright/test";
import { addMember, createWorkspaceWithOwner, signInByApi, testDb } from "./support/factory";
import { connectOAuthCredential } from "./support/wizard";
import { createZoomApp, zoom } from "./support/zoom";

test("admins see every credential at a glance on the Credentials page, filter, sort, page, and act on a row", async ({
  page,
}) => {
  // A whole OAuth connection, 31 rows and a dozen pages: about 45 s on a busy machine, the default budget.
  test.slow();
  const { owner, workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member", "Mia Member");
  const { app, user } = await createZoomApp();
  await signInByApi(page, owner);
  // Nothing to test yet: the list says so, and offers no "Test all".
  await page.goto(`/w/${workspace.slug}/credentials`);
  await expect(page.getByText("No Zoom credentials yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Test all" })).toHaveCount(0);
  const liveId = await connectOAuthCredential(page, workspace.slug, app, "Live account");

  // Thirty more of a member's, in every state, straight into the database.
  const statuses = ["needs_reconnect", "expiring_soon", "draft", "connected", "error"] as const;
  await testDb().credential.createMany({
    data: Array.from({ length: 30 }, (_, i) => ({
      workspaceId: workspace.id,
      ownerId: member.id,
      name: `Seeded ${String(i).padStart(2, "0")}`,
      method: i % 3 === 0 ? "s2s" : "oauth",
      status: statuses[i % statuses.length]!,
      zoomEmail: `seeded${i}@zoom-user.example`,
      lastErrorMessage:
        statuses[i % statuses.length] === "needs_reconnect" ? "Zoom no longer accepts this token." : null,
    })),
  });

  const base = `/w/${workspace.slug}/credentials`;
  // The old "Connected accounts" address (a bookmark, with its filter) lands on the same list.
  await page.goto(`/w/${workspace.slug}/admin/accounts?status=needs_reconnect`);
  await expect(page).toHaveURL(`${base}?status=needs_reconnect`);
  await expect(page.getByText("6 credentials", { exact: true })).toBeVisible();
  await page.goto(base);
  await expect(page.getByLabel("Summary")).toHaveText(
    "7 connected · 6 needs reconnect · 6 expiring soon · 6 error · 6 draft",
  );
  await expect(page.getByText("31 credentials · page 1 of 2")).toBeVisible();
  // The reconnect notice for admins.
  await expect(
    page.getByRole("status").filter({ hasText: "6 Zoom credentials need to be reconnected" }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page.getByText("31 credentials · page 2 of 2")).toBeVisible();

  await page.getByLabel("Status", { exact: true }).selectOption("needs_reconnect");
  await page.getByLabel("Owner", { exact: true }).selectOption({ label: "Mia Member" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=needs_reconnect/);
  await expect(page.getByText("6 credentials", { exact: true })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Zoom no longer accepts this token." })).toHaveCount(
    6,
  );

  await page.goto(`${base}?q=SEEDED7%40zoom`);
  await expect(page.getByText("1 credential", { exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Seeded 07 OAuth" })).toBeVisible();

  await page.goto(base);
  await page.getByRole("link", { name: "Name" }).click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(page.getByRole("row").nth(1)).toContainText("Live account");
  await page.getByRole("link", { name: /Name/ }).click();
  await expect(page.getByRole("row").nth(1)).toContainText("Seeded 29");

  // Row actions on the real connection, in the row's menu.
  await page.goto(`${base}?q=Live`);
  const row = page.getByRole("row").filter({ hasText: "Live account" });
  const rowAction = async (name: string) => {
    await row.getByRole("button", { name: "Actions for Live account" }).click();
    await page.getByRole("menu").getByRole("menuitem", { name, exact: true }).click();
  };
  await rowAction("Test Live account");
  await expect(row.getByText(`It works: Zoom answered as Dana Zoomer (${user.email}).`)).toBeVisible();
  const refreshes = (await zoom.counters(app.clientId)).token.refresh_token;
  await rowAction("Refresh Live account now");
  await expect(row.getByText(/Renewed: the new token is valid until/)).toBeVisible();
  expect((await zoom.counters(app.clientId)).token.refresh_token).toBe(refreshes + 1);

  await page.getByRole("button", { name: "Test all" }).click();
  // The live one and the 18 seeded connected / expiring soon / error ones (they hold no tokens); drafts and needs reconnect are not tested.
  await expect(
    page.getByText("Tested 19: 1 work, 18 failed — see the table for what to do.", { exact: true }),
  ).toBeVisible();

  await rowAction("Disconnect Live account");
  await page.getByRole("alertdialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  expect(
    (await testDb().credential.findUniqueOrThrow({ where: { id: liveId }, select: { status: true } })).status,
  ).toBe("revoked");
  // A revoked row's menu only opens it.
  await row.getByRole("button", { name: "Actions for Live account" }).click();
  await expect(page.getByRole("menu").getByRole("menuitem")).toHaveText(["Open Live account"]);
  await page.keyboard.press("Escape");

  // The audit log, filtered by action.
  await page.goto(`/w/${workspace.slug}/admin/audit`);
  await page.getByLabel("Action", { exact: true }).selectOption({ label: "refreshed a token" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("cell", { name: "refreshed a token", exact: true })).toHaveCount(1);
  await expect(page.getByRole("cell", { name: "created a credential", exact: true })).toHaveCount(0);
});

/** The page's widest box against the window: nothing may stick out and make the page scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    if (document.documentElement.scrollWidth > width)
      culprits.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    // A scrolling box inside the page (the table's card) counts too: its content must fit it.
    for (const element of Array.from(document.querySelectorAll("main *"))) {
      const clips = getComputedStyle(element).overflowX !== "visible";
      if (clips && element.clientWidth > 1 && element.scrollWidth > element.clientWidth + 1)
        culprits.push(
          `${element.tagName.toLowerCase()} scrolls: ${element.scrollWidth}px in ${element.clientWidth}px`,
        );
    }
    return culprits;
  });
}

test("the admins' credentials table fits a laptop and a phone without scrolling sideways", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const member = await addMember(workspace, "member", "Bartholomew Longname-Owner");
  await signInByApi(page, owner);
  // Long words everywhere a cell can hold them, and every column filled.
  const now = Date.now();
  await testDb().credential.createMany({
    data: (["connected", "needs_reconnect", "expiring_soon", "error"] as const).map((status, i) => ({
      workspaceId: workspace.id,
      ownerId: member.id,
      name: `Marketing department Zoom account number ${i}`,
      method: i === 1 ? "s2s" : "oauth",
      status,
      zoomName: "Maximiliana Featherstonehaugh",
      zoomEmail: `maximiliana.featherstonehaugh.${i}@a-very-long-company-domain.example`,
      zoomAccountId: "AbCdEfGhIjKlMnOpQrStUv",
      grantedScopes: "user:read:user meeting:read:list_meetings",
      accessTokenExpiresAt: new Date(now + 3_600_000),
      lastRefreshedAt: new Date(now - 60_000),
      lastUsedAt: new Date(now - 120_000),
      lastErrorMessage: status === "needs_reconnect" ? "Zoom no longer accepts this token." : null,
    })),
  });
  const base = `/w/${workspace.slug}/credentials`;

  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto(base);
    await expect(page.getByText("4 credentials", { exact: true })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "Marketing department Zoom account number 0" });
    const menu = row.getByRole("button", { name: "Actions for Marketing department Zoom account number 0" });
    await menu.scrollIntoViewIfNeeded();
    await expect(menu).toBeInViewport({ ratio: 1 });
    expect(await sidewaysOverflow(page), `at ${viewport.width} px`).toEqual([]);
    // The menu opens inside the window too.
    await menu.click();
    await expect(page.getByRole("menu")).toBeInViewport({ ratio: 1 });
    expect(await sidewaysOverflow(page), `at ${viewport.width} px with the menu open`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`accounts-${viewport.width}.png`), fullPage: true });
    await page.keyboard.press("Escape");
  }
  // On a laptop every column is there.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.getByRole("columnheader")).toHaveText([
    "Name",
    "Status",
    "Zoom user",
    "Owner",
    "Scopes",
    "Last refreshed",
    "Next refresh",
    "Last used",
    "Actions",
  ]);
});
