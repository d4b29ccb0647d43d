// Accessibility: axe-core over the page as it stands, in the light and the dark theme. Serious and
// critical violations fail the test with what axe found and where.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Runs axe on the current page in both themes (the saved theme is restored afterwards). */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const saved = await page.evaluate(() => localStorage.getItem("mesa-theme"));
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => {
      localStorage.setItem("mesa-theme", t);
      document.documentElement.classList.toggle("dark", t === "dark");
    }, theme);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${theme} ${page.url()}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, serious.join("\n")).toEqual([]);
  }
  await page.evaluate((t) => (t ? localStorage.setItem("mesa-theme", t) : localStorage.removeItem("mesa-theme")), saved);
}
