// axe (WCAG 2.1 A and AA) as every browser test runs it.
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";

/**
 * Every serious or critical violation on the page, one line per element. Toasts are checked once
 * their fade-in (or fade-out) has ended: axe reads a half-transparent toast's text as low contrast
 * (a CI run failed on `div[data-title]` of a "Logged." toast caught mid-transition).
 */
export async function violations(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .filter((a) => {
          const target = (a.effect as KeyframeEffect | null)?.target;
          return target instanceof Element && target.closest("[data-sonner-toaster]");
        })
        .every((a) => a.playState !== "running"),
    undefined,
    { timeout: 5_000 },
  );
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}) at ${n.target.join(" ")}: ${v.help}`));
}
