// Finding one's way in the portal, on a phone and on a desktop: Mis Tickets one tap from the header,
// a ticket's way back to the list with its filters, no "Cerrar ticket" on a new ticket, the ticket's
// facts and actions before the reply box on a phone, page titles that say where one is, and a
// translated "No encontrado" inside the layout for an unknown ticket or address. Axe on each page.
import type { Page } from "@playwright/test";
import { createSupportTicket, DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg, type Locale } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const partner = { email: "partner@demo.test", password: DEMO_PASSWORD };

/** A new ticket of the partner's, with a word of its own to filter the list by. */
async function newTicket(page: Page) {
  const word = `nav${Date.now().toString(36)}`;
  const subject = `La web no carga ${word}`;
  const reference = await createSupportTicket(page.request, {
    subject,
    description: "Error 500 en la portada.",
    organization: "Acme Hosting",
  });
  return { word, subject, reference };
}

async function notFoundInsideTheLayout(page: Page, locale: Locale, path: string) {
  const response = await page.goto(path);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: msg(locale, "NotFound.title") })).toBeVisible();
  await expect(page.getByRole("banner")).toBeVisible(); // the signed-in header is still there
  await expect(page).toHaveTitle(`${msg(locale, "NotFound.title")} — Mesa`);
}

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("Mis Tickets in one tap, filters folded, facts before the reply box, back with the filters (es)", async ({ page }) => {
    const m = (key: string) => msg("es", key);
    await signIn(page, partner, "/es/profile");
    const { word, subject, reference } = await newTicket(page);
    await expect(page).toHaveTitle(`${m("Profile.title")} — Mesa`);

    await page
      .getByRole("banner")
      .getByRole("link", { name: m("Nav.myTickets") })
      .tap();
    await expect(page).toHaveURL(/\/es\/tickets$/);
    await expect(page).toHaveTitle(`${m("Tickets.title")} — Mesa`);

    // The filters fold behind one button; the search stays in view.
    await page.goto(`/es/tickets?tab=all&q=${word}`);
    const status = page.getByRole("combobox", { name: m("TicketList.status"), exact: true, includeHidden: true });
    await expect(status).toBeHidden();
    await expect(page.getByLabel(m("TicketList.search"))).toHaveValue(word);
    await page.getByRole("button", { name: m("TicketList.filters") }).tap();
    await expect(status).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    await page
      .getByTestId("ticket-list")
      .getByRole("link", { name: new RegExp(reference) })
      .tap();
    await expect(page).toHaveURL(new RegExp(`/es/tickets/${reference}\\?from=`));
    await expect(page).toHaveTitle(`${reference} · ${subject} — Mesa`);
    // A new ticket offers no "Cerrar ticket" (support has not resolved it); escalating, yes.
    await expect(page.getByRole("button", { name: m("TicketView.escalate"), exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: m("TicketView.close") })).toHaveCount(0);
    // Status, agent and actions come before the reply box.
    const y = async (locator: import("@playwright/test").Locator) => (await locator.boundingBox())!.y;
    const composer = page.getByTestId("composer");
    expect(await y(page.getByTestId("ticket-assignee"))).toBeLessThan(await y(composer));
    expect(await y(page.getByRole("region", { name: m("TicketView.actions"), exact: true }))).toBeLessThan(await y(composer));
    await expectNoSeriousAxeViolations(page);

    await page.getByTestId("back-to-list").tap();
    await expect(page).toHaveURL(`/es/tickets?tab=all&q=${word}`);
    await expect(page.getByLabel(m("TicketList.search"))).toHaveValue(word);
    await expect(page.getByTestId("ticket-list").getByRole("link")).toHaveCount(1);

    await notFoundInsideTheLayout(page, "es", "/es/tickets/TK-999999");
    await expectNoSeriousAxeViolations(page);
  });
});

test("on a desktop: Mis Tickets first in the nav, titles, back with the filters, not-found pages, time-zone picker (en)", async ({
  page,
  browser,
}) => {
  const m = (key: string) => msg("en", key);
  await signIn(page, partner, "/en/profile");
  const { word, subject, reference } = await newTicket(page);

  const nav = page.getByRole("navigation", { name: m("Nav.main") });
  await expect(nav.getByRole("link").first()).toHaveText(m("Nav.myTickets"));
  await nav.getByRole("link", { name: m("Nav.myTickets") }).click();
  await expect(page).toHaveURL(/\/en\/tickets$/);

  await page.goto(`/en/tickets?tab=open&q=${word}&sort=created&dir=asc`);
  await expect(page.getByRole("combobox", { name: m("TicketList.status"), exact: true })).toBeVisible(); // not folded here
  await page
    .getByTestId("ticket-list")
    .getByRole("link", { name: new RegExp(reference) })
    .click();
  await expect(page).toHaveTitle(`${reference} · ${subject} — Mesa`);
  await expect(page.getByRole("button", { name: m("TicketView.close") })).toHaveCount(0);
  await page.getByTestId("back-to-list").click();
  await expect(page).toHaveURL(`/en/tickets?tab=open&q=${word}&sort=created&dir=asc`);

  await notFoundInsideTheLayout(page, "en", "/en/tickets/TK-999999");
  await notFoundInsideTheLayout(page, "en", "/en/no/such/page");
  await expectNoSeriousAxeViolations(page);

  // The profile's time-zone picker: grouped, searchable, still one labelled field.
  await page.goto("/en/profile");
  await expect(page).toHaveTitle(`${m("Profile.title")} — Mesa`);
  await page.getByRole("searchbox", { name: m("TimeZonePicker.filter") }).fill("tokyo");
  await expect(page.getByRole("combobox", { name: m("Profile.timeZone") }).getByRole("option")).toHaveText([
    "Tokyo (UTC+9)", // Asia comes before Europe; the zone in use stays listed
    /^Madrid \(UTC\+[12]\)$/,
  ]);
  await expectNoSeriousAxeViolations(page);

  // Support staff: the same ticket in the agent area, titled the same; its not-found inside the agent layout.
  const staff = await browser.newContext();
  const admin = await staff.newPage();
  await signIn(admin, { email: "admin@demo.test", password: DEMO_PASSWORD }, `/en/agent/tickets/${reference}`);
  await expect(admin).toHaveTitle(`${reference} · ${subject} — Mesa`);
  await expect(admin.getByTestId("back-to-list")).toHaveAttribute("href", "/en/agent");
  await notFoundInsideTheLayout(admin, "en", "/en/agent/tickets/TK-999999");
  await admin.goto("/en/admin/calendars");
  await expect(admin).toHaveTitle(`${m("Admin.nav.calendars")} — Mesa`);
  await expectNoSeriousAxeViolations(admin);
  await staff.close();
});
