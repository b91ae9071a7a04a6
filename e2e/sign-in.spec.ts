import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner } from "./support/factory";

test("a wrong password gets a plain message and keeps the email", async ({ page }) => {
  const { owner } = await createWorkspaceWithOwner();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText(
    "That email and password do not match. Check both and try again.",
  );
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);

  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Credentials", exact: true })).toBeVisible();
});

test("too many failed attempts pause sign-in for that email, even with the right password", async ({
  page,
}) => {
  const { owner } = await createWorkspaceWithOwner();
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, email: owner.email, password: `wrong-${attempt}`, json: "true" },
    });
  }
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many" })).toHaveText(
    /Too many failed attempts.*15 minutes/,
  );
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-in never follows a callback to another site", async ({ page }) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  await page.goto("/sign-in?callbackUrl=%2F%5Cevil.example");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));
});

test("workspace pages send a signed-out visitor to sign in", async ({ page }) => {
  const { workspace } = await createWorkspaceWithOwner();
  await page.goto(`/w/${workspace.slug}/admin/members`);
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
});
