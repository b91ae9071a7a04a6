import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { testDb } from "./factory";
import { E2E_DATA_DIR } from "./test-env";

/**
 * What an attacker with a session of their own can send: the page's real
 * server-action call (the same Next endpoint, action id and encoding the
 * browser uses), with ids rewritten on the wire. The attacker presses a
 * button on something of their own; the request names someone else's.
 *
 * Returns how many action calls were rewritten, so a test can show its
 * crafted request really went out (a test that rewrote nothing proves nothing).
 */
export async function rewriteActionCalls(
  page: Page,
  replacements: Record<string, string>,
): Promise<{ rewritten: () => number }> {
  let rewritten = 0;
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.fallback();
    let body = request.postData() ?? "";
    const before = body;
    for (const [from, to] of Object.entries(replacements)) body = body.replaceAll(from, to);
    if (body !== before) rewritten += 1;
    await route.continue({ postData: body });
  });
  return { rewritten: () => rewritten };
}

/** Adds hidden fields to the form around `selector` just before it is sent (a crafted form post). */
export async function addFormFields(
  page: Page,
  selector: string,
  fields: [name: string, value: string][],
): Promise<void> {
  await page.locator(selector).evaluate((element, entries) => {
    const form = element.closest("form");
    if (!form) throw new Error("no form around the element");
    for (const [name, value] of entries) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
  }, fields);
}

/** Everything stored about a credential, to show that a refused request changed none of it. */
export function credentialRow(id: string) {
  return testDb().credential.findUnique({ where: { id } });
}

/** The server's NEXTAUTH_SECRET (generated into the e2e data folder on first start). */
export function serverNextAuthSecret(): string {
  const file = path.join(E2E_DATA_DIR, "secrets.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { nextAuthSecret: string }).nextAuthSecret;
}
