// axe (WCAG 2.1 A and AA) as every browser test runs it.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** Every serious or critical violation on the page, one line per element. */
export async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}`));
}
