// The partner's ticket journey in a real browser: create with every field, follow it (reply, edit,
// mute, escalate, call), find it again; close not offered before support resolves, then resolve → close
// → rate → reopen; and the core of it in each language.
import { DEMO_PASSWORD, trpc } from "./support/accounts";
import { msg, type Locale } from "./support/messages";
import { expect, formAlert, signIn, test, watchRealtime } from "./support/test";

const partner = { email: "partner@demo.test", password: DEMO_PASSWORD };
const agent = { email: "agent@demo.test", password: DEMO_PASSWORD };

/** The demo's department and category in each language (server/seed/demo.ts): the form names them in the page's. */
const support = { es: "Soporte Técnico", en: "Technical Support", pt: "Suporte Técnico", fr: "Support technique" };
const email = { es: "Correo", en: "Email", pt: "E-mail", fr: "Messagerie" };

async function createTicket(page: import("@playwright/test").Page, locale: Locale, subject: string, description: string) {
  const m = (key: string) => msg(locale, key);
  await page.goto(`/${locale}/tickets`);
  await page.getByRole("link", { name: m("TicketList.create") }).click();
  await page.getByLabel(m("TicketForm.type")).selectOption("incident");
  await page.getByLabel(m("TicketForm.department")).selectOption({ label: support[locale] });
  await page.getByLabel(m("TicketForm.category")).selectOption({ label: email[locale] });
  await page
    .getByRole("group", { name: m("TicketForm.service") })
    .getByRole("checkbox", { name: "VPS acme-01" })
    .check();
  await page.getByLabel(m("TicketForm.subject")).fill(subject);
  await page.getByLabel(m("TicketForm.description")).fill(description);
  await page
    .getByRole("group", { name: m("TicketForm.watchers") })
    .getByRole("checkbox", { name: "Óscar Org-Admin" })
    .check();
  await page.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/tickets/TK-\\d{6}$`));
  return (await page.getByTestId("ticket-reference").textContent())!.trim();
}

test("a partner creates, follows and finds a ticket (es)", async ({ page }) => {
  const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
  await signIn(page, partner, "/es/tickets");
  const word = `pimiento${Date.now().toString(36)}`;
  const reference = await createTicket(page, "es", "El correo no llega al buzón", `Los mensajes no llegan desde ayer (${word}).`);
  expect(reference).toMatch(/^TK-\d{6}$/);
  await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.new"));
  await expect(page.getByText(`Los mensajes no llegan desde ayer (${word}).`)).toBeVisible();
  await expect(page.getByTestId("watcher-list")).toContainText("Óscar Org-Admin");

  // Reply, then edit the reply: the edit is marked and the earlier text kept.
  await page.getByLabel(m("TicketView.replyLabel")).fill("Afecta a todos los buzones.");
  await page.getByRole("button", { name: m("TicketView.send") }).click();
  const reply = page.getByTestId("thread-message").filter({ hasText: "Afecta a todos los buzones." });
  await expect(reply).toBeVisible();
  await reply.getByRole("button", { name: m("TicketView.edit") }).click();
  const editor = page.getByRole("textbox", { name: m("TicketView.edit"), exact: true });
  await editor.fill("Afecta a todos los buzones del dominio.");
  await page.getByRole("button", { name: m("TicketView.save"), exact: true }).click();
  const edited = page.getByTestId("thread-message").filter({ hasText: "Afecta a todos los buzones del dominio." });
  await expect(edited).toContainText(`(${m("TicketView.edited")})`);
  await edited.getByText(m("TicketView.history")).click();
  await expect(edited).toContainText("Afecta a todos los buzones.");

  // Mute and unmute.
  await page.getByRole("button", { name: m("TicketView.mute") }).click();
  await expect(page.getByText(m("TicketView.mutedNote"))).toBeVisible();
  await page.getByRole("button", { name: m("TicketView.unmute") }).click();
  await expect(page.getByRole("button", { name: m("TicketView.mute") })).toBeVisible();

  // Escalate with a reason: recorded in the thread.
  await page.getByRole("button", { name: m("TicketView.escalate"), exact: true }).click();
  await page.getByLabel(m("TicketView.escalateReason")).fill("Perdemos pedidos");
  await page.getByRole("button", { name: m("TicketView.escalateSubmit") }).click();
  await expect(page.getByText("«Perdemos pedidos»")).toBeVisible();

  // Request a call: the phone field is there, the window is shown in the partner's zone.
  await page.getByRole("button", { name: m("TicketView.requestCall") }).click();
  await expect(page.getByText(m("TicketView.timeZoneNote", { zone: "Europe/Madrid" }))).toBeVisible();
  await page.getByLabel(m("TicketView.phone")).fill("+34 600 123 456");
  await page.getByRole("button", { name: m("TicketView.callSubmit") }).click();
  await expect(page.getByTestId("call-requests")).toContainText(m("Calls.pending"));

  // It is in the Abiertos tab, and found by a word of its description and by its number.
  await page.goto("/es/tickets");
  await page.getByRole("link", { name: m("TicketList.tabs.open"), exact: true }).click();
  await expect(page.getByTestId("ticket-list")).toContainText(reference);
  await page.getByLabel(m("TicketList.search")).fill(word);
  await page.getByRole("button", { name: m("TicketList.apply") }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word}`));
  await expect(page.getByTestId("ticket-list").getByRole("link")).toHaveCount(1);
  await expect(page.getByTestId("ticket-list")).toContainText(reference);
  await page.getByLabel(m("TicketList.search")).fill(reference);
  await page.getByRole("button", { name: m("TicketList.apply") }).click();
  await expect(page.getByTestId("ticket-list").getByRole("link")).toHaveCount(1);
});

test("close is not offered before support resolves; then close, rate 4 stars and reopen with the history kept", async ({
  page,
  browser,
}) => {
  const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
  await signIn(page, partner, "/es/tickets");
  const reference = await createTicket(page, "es", "Ciclo de cierre", "Descripción que debe sobrevivir a todo.");
  await expect(page.getByRole("button", { name: m("TicketView.escalate"), exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: m("TicketView.close") })).toHaveCount(0);

  // Support resolves it through the agent procedure.
  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent, "/es/agent");
  await trpc(agentPage.request, "tickets.setStatus", { ticket: reference, status: "resolved" });
  await agentContext.close();

  await page.reload();
  await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.resolved"));
  await page.getByRole("button", { name: m("TicketView.close") }).click();
  await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.closed"));
  await page.getByRole("radio", { name: "4 estrellas" }).click();
  await page.getByRole("button", { name: m("TicketView.rateSubmit") }).click();
  await expect(page.getByTestId("current-rating")).toHaveText("Tu valoración: 4 estrellas");
  await page.getByRole("button", { name: m("TicketView.reopen") }).click();
  await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.reopened"));
  await expect(page.getByText("Descripción que debe sobrevivir a todo.")).toBeVisible();
  await expect(page.getByText(`${m("Statuses.resolved")} → ${m("Statuses.closed")}`)).toBeVisible();
});

for (const locale of ["en", "pt", "fr"] as const) {
  test(`create and reply in ${locale}`, async ({ page }) => {
    const m = (key: string) => msg(locale, key);
    await signIn(page, partner, `/${locale}/tickets`);
    await createTicket(page, locale, `Ticket ${locale}`, `Description ${locale}`);
    await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.new"));
    await page.getByLabel(m("TicketView.replyLabel")).fill(`Reply ${locale}`);
    await page.getByRole("button", { name: m("TicketView.send") }).click();
    await expect(page.getByTestId("thread-message").filter({ hasText: `Reply ${locale}` })).toBeVisible();

    // With a call requested, the page still hydrates (the suite's hydration watch fails the test
    // otherwise): the window "10:00 AM – 12:00 PM" reads the same from Node and from Chromium.
    const reference = (await page.getByTestId("ticket-reference").textContent())!.trim();
    const start = new Date(Date.now() + 86_400_000);
    start.setUTCHours(9, 0, 0, 0);
    const end = new Date(start.getTime() + 2 * 3_600_000);
    await trpc(page.request, "tickets.requestCall", { ticket: reference, phone: "+34 600 000 000", windowStart: start, windowEnd: end });
    await page.reload();
    await expect(page.getByTestId("call-requests")).toContainText(m("Calls.pending"));
  });
}

test("a typed ticket survives a reload as a draft and a refused submit keeps it", async ({ page }) => {
  const m = (key: string) => msg("es", key);
  await signIn(page, partner, "/es/tickets/new");
  await page.getByLabel(m("TicketForm.subject")).fill("Borrador importante");
  await page.getByLabel(m("TicketForm.description")).fill("Texto largo que no quiero perder.");
  // The draft is saved shortly after typing stops.
  await expect
    .poll(() =>
      page.evaluate(() =>
        Object.entries(localStorage).some(([k, v]) => k.startsWith("mesa-draft:new-ticket") && v.includes("no quiero perder")),
      ),
    )
    .toBe(true);
  await page.reload();
  await expect(page.getByText(m("TicketForm.draftRestored"))).toBeVisible();
  await expect(page.getByLabel(m("TicketForm.subject"))).toHaveValue("Borrador importante");
  // Submitting without type, department or category: translated errors, nothing lost.
  await page.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(formAlert(page).first()).toHaveText(m("Errors.invalid_input"));
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue("Texto largo que no quiero perder.");
});

test("the partner's ticket page and list follow support's changes without reload", async ({ page, browser }) => {
  const m = (key: string) => msg("es", key);
  const live = watchRealtime(page);
  await signIn(page, partner, "/es/tickets");
  const reference = await createTicket(page, "es", "Cambios en vivo", "¿Se actualiza solo?");
  await expect.poll(live.connected).toBe(true);

  const agentContext = await browser.newContext();
  const agentPage = await agentContext.newPage();
  await signIn(agentPage, agent, "/es/agent");
  await trpc(agentPage.request, "tickets.reply", { ticket: reference, body: "Sí: respuesta del agente en vivo." });
  await trpc(agentPage.request, "tickets.setStatus", { ticket: reference, status: "pending_customer" });

  await expect(page.getByText("Sí: respuesta del agente en vivo.")).toBeVisible();
  await expect(page.getByTestId("ticket-status")).toHaveText(m("Statuses.pending_customer"));
  await expect.poll(live.onWebSocket).toBe(true);

  // On Mis Tickets, the row leaves "Cerrados"… and arrives there once support resolves it. The
  // list page opens a socket of its own: the change must come after it has joined its rooms.
  const listLive = watchRealtime(page);
  await page.goto("/es/tickets?tab=closed");
  await expect(page.getByRole("link", { name: new RegExp(reference) })).toHaveCount(0);
  await expect.poll(listLive.connected).toBe(true);
  await trpc(agentPage.request, "tickets.setStatus", { ticket: reference, status: "resolved" });
  await expect(page.getByRole("link", { name: new RegExp(reference) })).toBeVisible();
  await expect.poll(listLive.onWebSocket).toBe(true);
  await agentContext.close();
});
