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
  const flooder = (i: number) => signInFrom(`127.0.3.${i + 1}`, `${unique("flood")}@example.com`, "a guess");
  const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => flooder(i)));
  expect(answers.filter((answer) => answer === "Busy").length, answers.join(" ")).toBeGreaterThan(0);
  expect(answers.every((answer) => answer === "Busy" || answer === "CredentialsSignin")).toBe(true);

  // A person who signs in while such a flood goes on (each of the 40 trying again as soon as it
  // is answered) is told what is going on, in words.
  let flooding = true;
  const flood = Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      while (flooding) await flooder(i);
    }),
  );
  try {
    const alert = page.getByRole("main").getByRole("alert");
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signInThroughForm(page, `${unique("someone")}@example.com`, "a password");
      await expect(alert).toBeVisible({ timeout: 20_000 });
      if ((await alert.textContent()) === SIGN_IN_ERRORS.Busy) break;
    }
    await expect(alert).toHaveText("Too many sign-ins right now — try again in a moment.");
  } finally {
    flooding = false;
    await flood;
  }

  // The flood is over: the owner signs in.
  await signInThroughForm(page, owner.email, owner.password);
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/credentials$`));
});
