// Accessibility: axe-core over the page as it stands, in the light and the dark theme. Serious and
// critical violations fail the test with what axe found and where.
//
// Every WCAG 2.1 A/AA rule runs in the light theme. The dark theme changes colours only (a class on
// <html>), so there axe runs the rules that depend on colour. Axe runs inside the page (legacy mode:
// Mesa's pages have no cross-origin frames), not in a blank page opened to merge frames' results —
// the same findings at about half the cost, which matters with some seventy scans per CI run.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const colourRules = ["color-contrast", "link-in-text-block"];

/** Runs axe on the current page in both themes (the saved theme is restored afterwards). */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const saved = await page.evaluate(() => localStorage.getItem("mesa-theme"));
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      localStorage.setItem("mesa-theme", t);
      document.documentElement.classList.toggle("dark", t === "dark");
    }, theme);
    const builder = new AxeBuilder({ page }).setLegacyMode(true);
    const results = await (
      theme === "light" ? builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]) : builder.withRules(colourRules)
    ).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${theme} ${page.url()}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, serious.join("\n")).toEqual([]);
  }
  await page.evaluate((t) => (t ? localStorage.setItem("mesa-theme", t) : localStorage.removeItem("mesa-theme")), saved);
}
