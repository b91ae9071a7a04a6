import { expect, test, type Page } from "@playwright/test";
import { createWorkspaceWithOwner, testDb } from "./support/factory";
import { signInFrom } from "./support/raw-http";

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

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

test("too many failed attempts pause sign-in for that email from that address, even with the right password", async ({
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

// The browser connects from 127.0.0.1; raw requests from other loopback addresses are other
// clients to the app (support/raw-http.ts). Each test uses addresses of its own.

test("someone else's failed attempts never lock the owner out, and X-Forwarded-For does not free the guesser", async ({
  page,
}) => {
  const { owner, workspace } = await createWorkspaceWithOwner();
  const guesser = "127.0.0.2";
  // Without TRUST_PROXY these headers are the client's word: the socket's address counts.
  for (let attempt = 0; attempt < 10; attempt++)
    expect(
      await signInFrom(guesser, owner.email, `guess-${attempt}`, {
        "X-Forwarded-For": `203.0.113.${attempt}`,
        "X-Zcw-Socket-Address": `198.51.100.${attempt}`,
      }),
    ).toBe("CredentialsSignin");
  expect(await signInFrom(guesser, owner.email, owner.password, { "X-Forwarded-For": "203.0.113.99" })).toBe(
    "RateLimited",
  );
  expect(await testDb().loginAttempt.count({ where: { key: `email:${owner.email} from ${guesser}` } })).toBe(
    10,
  );

  // The owner, from their own address, signs in as if nothing happened.
  await signInThroughForm(page, owner.email, owner.password);
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));
  // And the guesser is still paused.
  expect(await signInFrom(guesser, owner.email, owner.password)).toBe("RateLimited");
});
