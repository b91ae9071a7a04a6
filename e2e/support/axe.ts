import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Every rule Lighthouse's accessibility score is made of: WCAG 2.x A and AA, axe's best practices
 * (heading order, landmarks, one main, …), and label-content-name-mismatch (a control's name must
 * contain the words it shows), which axe ships as experimental.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

// Lighthouse looks at a phone-sized window; some faults (a link whose words hide on phones) show only there.
const PHONE = { width: 390, height: 844 };

async function violationsReport(page: Page, width: number): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  return violations.map((violation) => {
    const nodes = violation.nodes.map(
      (node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
    );
    return `- at ${width} px [${violation.impact}] ${violation.id}: ${violation.help}\n${nodes.join("\n")}`;
  });
}

/**
 * axe-core on the page as it is now, in the test's window and in a phone's: no violation of any
 * impact. Soft, so one run reports every page.
 */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  // Colours are checked as they settle: a button still fading to its hover colour under the
  // pointer measured between the two. The app drops its fades for people who ask for less motion.
  await page.emulateMedia({ reducedMotion: "reduce" });
  const window = page.viewportSize() ?? { width: 1280, height: 720 };
  const found = await violationsReport(page, window.width);
  await page.setViewportSize(PHONE);
  found.push(...(await violationsReport(page, PHONE.width)));
  await page.setViewportSize(window);
  expect.soft(found.length, `axe on ${where} (${page.url()}):\n${found.join("\n")}`).toBe(0);
}
