import { expect, test } from "@playwright/test";
import { unique } from "./support/factory";

// Runs alone against the empty database (see playwright.config.ts).
test("the first visitor creates the workspace, signs out and back in", async ({ page }) => {
  const email = `${unique("founder")}@example.com`;

  await page.goto("/");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();

  // Bad input gets field messages and keeps what was typed.
  await page.getByLabel("Workspace name").fill("Acme Events");
  await page.getByLabel("Your name").fill("Fran Founder");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters for your password.")).toBeVisible();
  await expect(page.getByLabel("Workspace name")).toHaveValue("Acme Events");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/acme-events-[0-9a-f]{6}\/credentials$/);
  await expect(page.getByRole("button", { name: /Workspace: Acme Events/ })).toBeVisible();
  // The owner's admin pages are behind one door of the main navigation, with their own navigation.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page).toHaveURL(/\/admin\/members$/);
  await expect(
    page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Members" }),
  ).toHaveAttribute("aria-current", "page");

  // The setup screen is gone for good once someone exists.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/");

  await page.getByRole("button", { name: "Account menu" }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/acme-events-[0-9a-f]{6}\/credentials$/);
  await expect(page.getByRole("heading", { name: "Credentials", exact: true })).toBeVisible();
});
