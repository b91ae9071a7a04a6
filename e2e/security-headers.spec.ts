import { expect, test } from "@playwright/test";
import { createWorkspaceWithOwner } from "./support/factory";

test("pages carry a CSP with a fresh script nonce and no 'unsafe-inline' for scripts", async ({
  page,
  request,
}) => {
  const first = await request.get("/sign-in");
  const second = await request.get("/sign-in");
  const nonceOf = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  const csp = first.headers()["content-security-policy"]!;
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src"))!;
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(csp).toContain("frame-ancestors 'none'");
  const nonce = nonceOf(csp);
  expect(nonce).toBeTruthy();
  expect(nonceOf(second.headers()["content-security-policy"]!)).not.toBe(nonce);
  // Next.js puts the nonce on every script it renders.
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Plain http here: no HSTS (it is sent only when APP_URL is https).
  expect(first.headers()["strict-transport-security"]).toBeUndefined();
  expect(first.headers()["x-frame-options"]).toBe("DENY");

  // And the page still works under it: no blocked script, the form signs in.
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const { owner } = await createWorkspaceWithOwner();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Credentials", exact: true })).toBeVisible();
  expect(violations).toEqual([]);
});
