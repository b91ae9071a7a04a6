import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/**
 * Every rule Lighthouse's accessibility score is made of: WCAG 2.x A and AA, axe's best practices
 * (heading order, landmarks, one main, …), and label-content-name-mismatch (a control's name must
 * contain the words it shows), which axe ships as experimental.
 */
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"];

/** axe-core on the page as it is now: no violation of any impact. Soft, so one run reports every page. */
export async function expectNoAxeViolations(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(TAGS)
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const report = violations
    .map((violation) => {
      const nodes = violation.nodes.map(
        (node) => `    ${node.target.join(" ")}: ${node.failureSummary?.replace(/\s+/g, " ")}`,
      );
      return `- [${violation.impact}] ${violation.id}: ${violation.help} (${violation.helpUrl})\n${nodes.join("\n")}`;
    })
    .join("\n");
  expect.soft(violations.length, `axe on ${where} (${page.url()}):\n${report}`).toBe(0);
}
