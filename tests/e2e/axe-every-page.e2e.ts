// Accessibility over every page of the product, as each kind of person reaches it: signed out, a
// partner, an agent and an admin; axe in the light and the dark theme on each (serious and critical
// violations fail). The capability journeys check their own pages in more states; this one makes
// sure no page is left out.
import type { Page } from "@playwright/test";
import { DEMO_PASSWORD, createSupportTicket } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { expect, signIn, test } from "./support/test";

async function axeEach(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} answers`).toBeLessThan(400);
    await expect(page.locator("main")).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  }
}

test("signed out: sign-in, registration, password pages, help centre and not found", async ({ page }) => {
  test.setTimeout(120_000);
  await axeEach(page, [
    "/es",
    "/es/login",
    "/es/register",
    "/es/forgot-password",
    "/es/reset-password?token=x",
    "/es/activate?token=x",
    "/es/help",
  ]);
  const article = page.locator('a[href*="/help/articles/"]').first();
  await page.goto("/es/help");
  await article.click();
  await expect(page).toHaveURL(/\/help\/articles\//);
  await expectNoSeriousAxeViolations(page);
  await page.goto("/es/no-existe");
  await expectNoSeriousAxeViolations(page);
});

test("a partner's pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, { email: "orgadmin@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const reference = await createSupportTicket(page.request, { subject: "Revisión de accesibilidad", description: "Texto de prueba" });
  await axeEach(page, ["/es/tickets", "/es/tickets/new", `/es/tickets/${reference}`, "/es/organization", "/es/profile"]);
});

test("an agent's pages", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const partner = await browser.newContext();
  const partnerPage = await partner.newPage();
  await signIn(partnerPage, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const reference = await createSupportTicket(partnerPage.request, { subject: "Revisión del agente", description: "Texto de prueba" });
  await partner.close();
  await signIn(page, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await axeEach(page, [
    "/es/agent",
    "/es/agent?view=all",
    `/es/agent/tickets/${reference}`,
    "/es/agent/calls",
    "/es/agent/tickets/new",
    "/es/agent/canned-replies",
    "/es/agent/reports",
    "/es/tickets",
    "/es/profile",
  ]);
});

test("an admin's pages", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/admin");
  const admin = [
    "",
    "/departments",
    "/organizations",
    "/staff",
    "/priority-rules",
    "/sla",
    "/automation",
    "/calendars",
    "/attachments",
    "/intake",
    "/mailboxes",
    "/inbound",
    "/security",
    "/knowledge-base",
    "/knowledge-base/articles/new",
  ];
  await axeEach(
    page,
    admin.map((p) => `/es/admin${p}`),
  );
  // One organization's page and one article's editor.
  await page.goto("/es/admin/organizations");
  await page.locator('a[href*="/admin/organizations/"]').first().click();
  await expect(page).toHaveURL(/\/admin\/organizations\/[0-9a-f-]{36}/);
  await expectNoSeriousAxeViolations(page);
  await page.goto("/es/admin/knowledge-base");
  await page.locator('a[href*="/admin/knowledge-base/articles/"]:not([href$="/new"])').first().click();
  await expect(page).toHaveURL(/\/admin\/knowledge-base\/articles\/\d+/);
  await expectNoSeriousAxeViolations(page);
});
