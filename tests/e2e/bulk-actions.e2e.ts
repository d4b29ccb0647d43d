// Bulk actions in the agent queue: the demo agent selects three rows (the third with `x` from the
// keyboard), tags them and assigns them to a chosen colleague at once; the queue shows the change,
// the ticket page shows the tag and both history entries, and the queue's export carries the tags
// column. axe over the queue with the bulk bar open, in both themes; screenshots on a desktop and a
// phone, where the bar changes one ticket's priority.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "@playwright/test";
import { createSupportTicket, DEMO_PASSWORD, signInOverHttp } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string) => msg("es", key);
const count = (key: string, n: number) =>
  msg("es", key).replace(/^\{count, plural, one \{# ([^}]*)\} other \{# ([^}]*)\}\}$/, (_, one, other) => `${n} ${n === 1 ? one : other}`);

async function partnerTickets(browser: Browser, subjects: string[]): Promise<string[]> {
  const context = await browser.newContext();
  await signInOverHttp(context.request, "partner@demo.test", DEMO_PASSWORD);
  const references: string[] = [];
  for (const subject of subjects)
    references.push(
      await createSupportTicket(context.request, { subject, description: "Probando acciones en bloque.", organization: "Acme Hosting" }),
    );
  await context.close();
  return references;
}

const row = (page: Page, reference: string) => page.locator(`[data-queue-row="${reference}"]`);

test("the agent assigns and tags three tickets at once from the queue", async ({ browser, page }) => {
  const stamp = Date.now().toString(36);
  const refs = await partnerTickets(browser, [`Bloque uno ${stamp}`, `Bloque dos ${stamp}`, `Bloque tres ${stamp}`]);
  await signIn(page, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  for (const r of refs) await expect(row(page, r)).toBeVisible();
  // Requester and organization on each row; the subject on one line, whole in its title.
  await expect(row(page, refs[0]!)).toContainText("Paula Partner · Acme Hosting");
  await expect(row(page, refs[0]!).getByTitle(`Bloque uno ${stamp}`)).toBeVisible();

  await row(page, refs[0]!).getByRole("checkbox").check();
  await row(page, refs[1]!).getByRole("checkbox").check();
  await expect(page.getByTestId("bulk-bar")).toContainText(count("Bulk.selected", 2));
  // The third with the keyboard: j moves the highlight to it, x selects it.
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < 50 && (await row(page, refs[2]!).getAttribute("data-active")) !== "true"; i++) await page.keyboard.press("j");
  await expect(row(page, refs[2]!)).toHaveAttribute("data-active", "true");
  await page.keyboard.press("x");
  await expect(row(page, refs[2]!).getByRole("checkbox")).toBeChecked();
  const bar = page.getByTestId("bulk-bar");
  await expect(bar).toContainText(count("Bulk.selected", 3));

  await page.screenshot({ path: "/tmp/bulk-queue-desktop.png", fullPage: true });
  await expectNoSeriousAxeViolations(page);

  await bar.getByLabel(m("Bulk.tag")).fill("Cliente VIP");
  await bar.getByRole("button", { name: m("Bulk.addTag") }).click();
  await expect(bar).toContainText(count("Bulk.changed", 3));
  // Assigned to a chosen colleague (the admin), they leave "Sin asignar" live; "Todos" shows each with its assignee.
  await bar.getByLabel(m("Bulk.assignTo")).selectOption({ label: "Ada Admin" });
  for (const r of refs) await expect(row(page, r)).toHaveCount(0);
  await page.goto("/es/agent?view=all");
  for (const r of refs) await expect(row(page, r)).toContainText("Ada Admin");
  // The queue's export offers support the tags column: the CSV carries each ticket's tag.
  await page.locator("summary", { hasText: m("Export.open") }).click();
  await page.getByRole("checkbox", { name: m("Export.fields.tags") }).check();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: m("Export.download") }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  for (const r of refs) expect(csv).toMatch(new RegExp(`^${r},.*cliente vip`, "m"));

  await page.goto(`/es/agent/tickets/${refs[1]}`);
  await expect(page.getByRole("list", { name: m("Tags.current") })).toContainText("cliente vip");
  await expect(page.getByText("Álex Agente asignó el ticket a Ada Admin")).toBeVisible();
  await expect(page.getByText(/Álex Agente cambió las etiquetas: — → cliente vip/)).toBeVisible();
  await page.screenshot({ path: "/tmp/bulk-ticket-desktop.png", fullPage: true });

  // On a phone: the bar's priority for one ticket.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/es/agent?view=all");
  await row(page, refs[0]!).getByRole("checkbox").check();
  await expect(bar).toBeVisible();
  await bar.getByLabel(m("Bulk.priority")).selectOption({ label: msg("es", "Priorities.urgent") });
  await expect(bar).toContainText(count("Bulk.changed", 1));
  await expect(row(page, refs[0]!)).toContainText(msg("es", "Priorities.urgent"));
  await page.screenshot({ path: "/tmp/bulk-queue-phone.png", fullPage: true });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  await page.screenshot({ path: "/tmp/bulk-queue-phone-dark.png", fullPage: true });
});
