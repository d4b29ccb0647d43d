// The agent workspace with a partner in another browser: a new ticket appears in the queue live;
// the agent takes it, replies and waits for the customer — the partner sees it without reload; the
// partner answers — the agent sees the ticket back In progress without reload.
import { createSupportTicket, DEMO_PASSWORD } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string) => msg("es", key);

test("partner and agent work one ticket live, each without reloading", async ({ browser }) => {
  const partnerContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  const agent = await agentContext.newPage();
  const agentLive = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await expect(agent.getByRole("heading", { name: m("Agent.title") })).toBeVisible();
  await expect.poll(agentLive.connected).toBe(true);

  // The partner creates a ticket: it appears in the agent's "Sin asignar" queue.
  const subject = `En vivo ${Date.now().toString(36)}`;
  const partnerLive = watchRealtime(partner);
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets/new");
  await partner.getByLabel(m("TicketForm.type")).selectOption("incident");
  await partner.getByLabel(m("TicketForm.department")).selectOption({ label: "Soporte Técnico" });
  await partner.getByLabel(m("TicketForm.category")).selectOption({ label: "General" });
  await partner.getByLabel(m("TicketForm.subject")).fill(subject);
  await partner.getByLabel(m("TicketForm.description")).fill("No carga el panel.");
  await partner.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(partner).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  await expect.poll(partnerLive.connected).toBe(true);

  const row = agent.getByRole("link", { name: new RegExp(subject) });
  await expect(row).toBeVisible();

  // The agent takes it, replies, and waits for the customer.
  await row.click();
  await agent.getByRole("button", { name: m("Staff.take") }).click();
  await expect(agent.getByTestId("ticket-assignee").locator("option:checked")).toHaveText("Álex Agente");
  await expect(agent.getByTestId("ticket-status")).toHaveText(m("Statuses.open"));
  await agent.getByLabel(m("TicketView.replyLabel")).fill("¿Qué navegador usas?");
  await agent.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(agent.getByText("¿Qué navegador usas?")).toBeVisible();
  await agent.getByLabel(m("Staff.status")).selectOption("pending_customer");
  await expect(agent.getByTestId("ticket-status")).toHaveText(m("Statuses.pending_customer"));

  // The partner's page shows the reply and "Esperando su respuesta" without reload.
  await expect(partner.getByText("¿Qué navegador usas?")).toBeVisible();
  await expect(partner.getByTestId("ticket-status")).toHaveText(m("Statuses.pending_customer"));

  // An internal note stays with support.
  await agent.getByLabel(m("TicketView.replyLabel")).fill("Nota: mirar el balanceador");
  await agent.getByRole("button", { name: m("Staff.note") }).click();
  await expect(agent.getByText("Nota: mirar el balanceador")).toBeVisible();

  // The partner answers: the agent's view returns to "En progreso" without reload.
  await partner.getByLabel(m("TicketView.replyLabel")).fill("Firefox 140");
  await partner.getByRole("button", { name: m("TicketView.send") }).click();
  await expect(agent.getByText("Firefox 140")).toBeVisible();
  await expect(agent.getByTestId("ticket-status")).toHaveText(m("Statuses.open"));
  await expect(partner.getByText("Nota: mirar el balanceador")).toHaveCount(0);

  await partnerContext.close();
  await agentContext.close();
});

test("two agents on one ticket see each other, see typing, and a stale reply is flagged", async ({ browser }) => {
  const setup = await browser.newContext();
  const partner = await setup.newPage();
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const reference = await createSupportTicket(partner.request, { subject: "Colisión", description: "Dos agentes" });
  await setup.close();

  const open = async (email: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, { email, password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
    return { context, page };
  };
  const alex = await open("agent@demo.test");
  const ada = await open("admin@demo.test");

  await expect(alex.page.getByTestId("ticket-presence")).toContainText("Ada Admin");
  await expect(ada.page.getByTestId("ticket-presence")).toContainText("Álex Agente");

  await alex.page.getByLabel(m("TicketView.replyLabel")).fill("Estoy en ello, dame un minuto");
  await expect(ada.page.getByTestId("ticket-presence")).toContainText(m("Presence.typing"));

  // Ada answers first; Álex's reply is now stale and sending it asks first.
  await ada.page.getByLabel(m("TicketView.replyLabel")).fill("Resuelto desde aquí.");
  await ada.page.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(alex.page.getByText("Resuelto desde aquí.")).toBeVisible();
  await alex.page.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(alex.page.getByTestId("stale-reply")).toHaveText(new RegExp(m("Presence.stale")));
  await alex.page.getByRole("button", { name: m("Presence.sendAnyway") }).click();
  await alex.page.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(ada.page.getByText("Estoy en ello, dame un minuto")).toBeVisible();

  await alex.context.close();
  await expect(ada.page.getByTestId("ticket-presence")).toHaveCount(0);
  await ada.context.close();
});
