import type { Locator, Page } from "@playwright/test";

/** "Zoom showed me an error": types or pastes what Zoom showed, presses Explain, returns the answer's live region. */
export async function explainZoomError(page: Page, whatZoomShowed: string): Promise<Locator> {
  const field = page.getByRole("region", { name: "Zoom showed me an error" });
  await field.getByLabel("What Zoom showed").fill(whatZoomShowed);
  await field.getByRole("button", { name: "Explain" }).click();
  return field.getByRole("status", { name: "What Zoom’s error means" });
}

/** The words of the Zoom page the browser is on, as a person would copy them. */
export async function zoomPageText(page: Page): Promise<string> {
  return page.locator("body").innerText();
}

/** Step 6's alert about the last failed handshake. */
export const lastTry = (page: Page): Locator =>
  page.getByRole("alert").filter({ hasText: "The last try did not connect" });
