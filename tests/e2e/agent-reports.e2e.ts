// The reports, in Spanish, as the demo admin: every chart is drawn (an svg inside its role="img"
// box, whose label summarises it), every table under a chart holds exactly the rows of that chart's
// CSV download (the same use-case, over HTTP with the admin's session), the department filter goes
// into the URL, axe passes in light and dark, and a phone shows the charts at its width. @quiet: the
// demo desk's other journeys write tickets; the table and the CSV must be read with nobody writing.
import { DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
const REPORTS = ["volume", "backlog", "sla-priority", "sla-department", "median-times", "csat", "workload"] as const;

test("an admin reads the reports: charts drawn, tables equal to the CSVs, filter in the URL, light and dark, on a phone @quiet", async ({
  page,
}) => {
  await signIn(page, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await page
    .getByRole("link", { name: m("Reports.nav") })
    .filter({ visible: true })
    .first()
    .click();
  await expect(page).toHaveURL(/\/es\/agent\/reports$/);
  await expect(page).toHaveTitle(`${m("Reports.title")} — Mesa`);
  await expect(page.getByRole("heading", { level: 1, name: m("Reports.title") })).toBeVisible();

  for (const report of REPORTS) {
    const section = page.locator(`section[data-report="${report}"]`);
    const chart = section.locator(`div[role="img"]`);
    await expect(chart).toHaveAttribute("aria-label", /\S/);
    await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
    // The table under the chart says what the CSV says, row for row.
    const table = section.locator("table").first();
    const shown = await table
      .locator("tr")
      .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th,td")).map((c) => (c.textContent ?? "").trim())));
    const href = await section
      .getByRole("link", { name: new RegExp(m("Reports.csv")) })
      .first()
      .getAttribute("href");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/csv");
    const csv = (await response.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(",").map((cell) => cell.replace(/^"|"$/g, "") || "–"));
    expect(shown, report).toEqual(csv);
  }
  // The volume table lists every day of the default 30-day range.
  expect(await page.locator('section[data-report="volume"] tbody tr').count()).toBe(30);

  await expectNoSeriousAxeViolations(page);
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: "/tmp/reports-desktop-dark.png", fullPage: true });
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
  await page.screenshot({ path: "/tmp/reports-desktop-light.png", fullPage: true });

  // The department filter goes into the URL and narrows the tables.
  const support = m("Reports.department");
  await page.getByRole("combobox", { name: support, exact: true }).selectOption({ index: 1 });
  await page.getByRole("button", { name: m("Reports.apply") }).click();
  await expect(page).toHaveURL(/department=\d+/);
  expect(await page.locator('section[data-report="sla-department"] tbody tr').count()).toBeLessThanOrEqual(1);
  await expect(page.locator('section[data-report="volume"] svg.recharts-surface').first()).toBeVisible();

  // A phone: the charts fit its width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const chart = page.locator('section[data-report="volume"] svg.recharts-surface').first();
  await expect(chart).toBeVisible();
  expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/reports-phone-light.png", fullPage: true });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: "/tmp/reports-phone-dark.png", fullPage: true });
});
