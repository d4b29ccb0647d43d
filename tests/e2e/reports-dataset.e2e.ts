// The reports on a dataset this test writes with known numbers (tests/support/reports-dataset.ts:
// 40 tickets over 10 days, 3 SLA breaches, ratings 5, 4, 4, 1): every chart's table shows exactly
// those numbers, every chart is drawn with its summary as the text alternative, in light and dark,
// on a desktop and a phone. On the PostgreSQL app only (@dataset): the data goes straight into its
// database, which the embedded one does not share with a second process.
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { REPORT_PER_DAY, REPORT_RANGE, reportDay, type ReportsDataset } from "../support/reports-dataset";
import { DEMO_PASSWORD } from "./support/accounts";
import { e2ePostgresUrl } from "./support/databases";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);

function writeDataset(): ReportsDataset {
  const env = { ...process.env, DATABASE_URL: e2ePostgresUrl(process.env.TEST_DATABASE_URL!) };
  const out = execFileSync(process.execPath, ["--import", "tsx", "tests/e2e/support/reports-dataset-setup.ts", `e2e${Date.now()}`], {
    env,
    encoding: "utf8",
  });
  return JSON.parse(out) as ReportsDataset;
}

/** The body rows of a report's table under its chart, cell by cell. */
const tableRows = (page: Page, report: string) =>
  page
    .locator(`section[data-report="${report}"] table`)
    .first()
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("th,td")).map((c) => (c.textContent ?? "").trim())));

test("@dataset the reports show a known dataset's numbers in every table, charts drawn in light and dark, on a phone", async ({ page }) => {
  test.setTimeout(120_000);
  const dataset = writeDataset();
  await signIn(page, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/agent/reports");
  await page.getByLabel(m("Reports.from")).fill(REPORT_RANGE.from);
  await page.getByLabel(m("Reports.to")).fill(REPORT_RANGE.to);
  await page.getByRole("combobox", { name: m("Reports.department"), exact: true }).selectOption({ label: "Informes A" });
  await page.getByRole("button", { name: m("Reports.apply") }).click();
  await expect(page).toHaveURL(new RegExp(`from=${REPORT_RANGE.from}&to=${REPORT_RANGE.to}&department=${dataset.deptA}`));

  // Created and solved per day: 2, 3, 4, 5, 6, 6, 5, 4, 3, 2 created; every 4th ticket solved.
  const solved = [1, 1, 1, 1, 1, 2, 1, 1, 1, 0];
  expect(await tableRows(page, "volume")).toEqual(REPORT_PER_DAY.map((n, i) => [reportDay(i), String(n), String(solved[i])]));
  await expect(page.locator('section[data-report="volume"] div[role="img"]')).toHaveAttribute(
    "aria-label",
    m("Reports.volume.summary", { created: "40", solved: "10", from: REPORT_RANGE.from, to: REPORT_RANGE.to }),
  );
  expect(await tableRows(page, "backlog")).toEqual([
    [m("Statuses.new"), "10"],
    [m("Statuses.open"), "10"],
    [m("Statuses.pending_customer"), "10"],
    [m("Statuses.on_hold"), "0"],
    [m("Statuses.reopened"), "0"],
  ]);
  // The 3 breaches: two first responses among the high-priority tickets, one resolution.
  expect(await tableRows(page, "sla-priority")).toEqual([
    [m("Priorities.low"), "10", "0", "100", "5", "0", "100"],
    [m("Priorities.high"), "11", "2", "81.8", "6", "1", "83.3"],
  ]);
  expect(await tableRows(page, "sla-department")).toEqual([["Informes A", "21", "2", "90.5", "11", "1", "90.9"]]);
  expect(await tableRows(page, "median-times")).toEqual([
    [m("Reports.median.firstResponse"), "20", "20"],
    [m("Reports.median.resolution"), "120", "10"],
  ]);
  // Ratings 5, 4, 4, 1: average 3.5, and the 1 star's comment.
  expect(await tableRows(page, "csat")).toEqual([
    ["1", "1"],
    ["2", "0"],
    ["3", "0"],
    ["4", "2"],
    ["5", "1"],
  ]);
  await expect(page.getByTestId("csat-average")).toHaveText("3.5 / 5");
  await expect(page.getByTestId("csat-comments")).toContainText("Muy lento");
  expect(await tableRows(page, "workload")).toEqual([
    [dataset.agentA.name, "10", "5"],
    [dataset.agentB.name, "5", "5"],
  ]);

  // Every chart is drawn, with its summary as the text alternative, in light and in dark.
  const charts = page.locator('section[data-report] div[role="img"]');
  await expect(charts).toHaveCount(7);
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    for (const chart of await charts.all()) {
      await expect(chart).toHaveAttribute("aria-label", /\d/);
      await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
      // Bars or lines drawn from the data, not an empty frame.
      expect(await chart.locator(".recharts-bar-rectangle, .recharts-line-curve").count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: `/tmp/reports-dataset-desktop-${theme}.png`, fullPage: true });
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const volume = page.locator('section[data-report="volume"] svg.recharts-surface').first();
  await expect(volume).toBeVisible();
  expect((await volume.boundingBox())!.width).toBeLessThanOrEqual(390);
  expect(await tableRows(page, "workload")).toEqual([
    [dataset.agentA.name, "10", "5"],
    [dataset.agentB.name, "5", "5"],
  ]);
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((dark) => document.documentElement.classList.toggle("dark", dark), theme === "dark");
    await page.screenshot({ path: `/tmp/reports-dataset-phone-${theme}.png`, fullPage: true });
  }
});
