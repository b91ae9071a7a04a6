import { expect, test, type Page } from "@playwright/test";
import { SIGN_IN_ERRORS } from "../lib/auth/sign-in-errors";
import { createWorkspaceWithOwner, unique } from "./support/factory";
import { signInFrom } from "./support/raw-http";

// A flood of sign-ins fills the queue of password checks that every test's sign-in shares, so
// this spec runs after all others, alone (the "exclusive" project in playwright.config.ts).
// Alone: `npx playwright test e2e/sign-in-flood.spec.ts --no-deps`.

async function signInThroughForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a flood of sign-ins is told in words to try again in a moment, and the owner gets in after it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const { owner, workspace } = await createWorkspaceWithOwner();
  // 40 at once with unknown emails, each from its own address: no limit stops them, only the
  // short queue of password checks does.
  const flood = (round: number) =>
    Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        signInFrom(`127.0.${3 + round}.${i + 1}`, `${unique("flood")}@example.com`, "a guess"),
      ),
    );
  const answers = await flood(0);
  expect(answers.filter((answer) => answer === "Busy").length, answers.join(" ")).toBeGreaterThan(0);
  expect(answers.every((answer) => answer === "Busy" || answer === "CredentialsSignin")).toBe(true);

  // A person who signs in during such a flood is told what is going on, in words.
  let busySeen = false;
  for (let round = 1; round <= 5 && !busySeen; round++) {
    const ongoing = flood(round);
    await page.waitForTimeout(300); // the flood's requests are in
    await signInThroughForm(page, `${unique("someone")}@example.com`, "a password");
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toBeVisible({ timeout: 20_000 });
    busySeen = (await alert.textContent()) === SIGN_IN_ERRORS.Busy;
    await ongoing;
  }
  expect(busySeen).toBe(true);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Too many sign-ins right now — try again in a moment.",
  );

  // The flood is over: the owner signs in.
  await signInThroughForm(page, owner.email, owner.password);
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));
});
