// Call requests as support's work, in two browsers: a partner (in Mexico City) asks for a call; the
// agent (in Madrid) finds it in Llamadas with the number as a tel: link and the window on both clocks,
// marks it handled with an outcome on the ticket, and the partner's open page shows the outcome
// without reload. And a ticket opened by the agent for a customer after a phone call, which the
// customer then finds in Mis Tickets.
import type { Page } from "@playwright/test";
import { createSupportTicket, DEMO_PASSWORD, trpc } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
const agentAccount = { email: "agent@demo.test", password: DEMO_PASSWORD };
const MADRID = "Europe/Madrid";
const MEXICO = "America/Mexico_City";

async function shoot(page: Page, name: string) {
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => document.documentElement.classList.toggle("dark", t === "dark"), theme);
    await page.screenshot({ path: `/tmp/calls-e2e/${name}-${theme}.png`, fullPage: true });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

test("a partner asks for a call; the agent calls, marks it handled, and the partner sees the outcome live", async ({
  browser,
  account,
}) => {
  const partnerContext = await browser.newContext();
  const agentContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  const agent = await agentContext.newPage();

  // A fresh partner whose clock is Mexico City's; the demo agent's is Madrid's.
  await signIn(partner, account, "/es/tickets");
  await trpc(partner.request, "profile.update", { timeZone: MEXICO });
  const subject = `Llamadme ${Date.now().toString(36)}`;
  const reference = await createSupportTicket(partner.request, { subject, description: "Prefiero explicarlo por teléfono." });
  const partnerLive = watchRealtime(partner);
  await partner.goto(`/es/tickets/${reference}`);
  await expect.poll(partnerLive.connected).toBe(true);

  // The existing "Solicitar una llamada" form.
  await partner.getByRole("button", { name: m("TicketView.requestCall") }).click();
  await expect(partner.getByText(m("TicketView.timeZoneNote", { zone: MEXICO }))).toBeVisible();
  await partner.getByLabel(m("TicketView.phone")).fill("+52 55 1234 5678");
  await partner.getByLabel(m("TicketView.callNote")).fill("Mejor después de comer");
  await partner.getByRole("button", { name: m("TicketView.callSubmit") }).click();
  const partnerPanel = partner.getByTestId("call-requests");
  await expect(partnerPanel.getByTestId("call-state")).toHaveText(m("Calls.pending"));

  // The agent's Llamadas queue, reached from the header.
  await signIn(agent, agentAccount, "/es/agent");
  await agent
    .getByRole("link", { name: m("Calls.nav") })
    .filter({ visible: true })
    .click();
  await expect(agent).toHaveURL(/\/es\/agent\/calls$/);
  await expect(agent.getByRole("heading", { name: m("Calls.queueTitle") })).toBeVisible();
  const row = agent.getByTestId("open-call").filter({ hasText: reference });
  await expect(row).toContainText(subject);
  await expect(row).toContainText(account.name);
  await expect(row.getByRole("link", { name: "+52 55 1234 5678" })).toHaveAttribute("href", "tel:+525512345678");
  const zones = row.getByTestId("call-window");
  await expect(zones).toContainText(m("Calls.yourZone", { zone: MADRID }));
  await expect(zones).toContainText(m("Calls.customerZone", { zone: MEXICO }));
  const [madrid, mexico] = await zones.locator("dd").allTextContents();
  expect(madrid).not.toEqual(mexico);
  await expectNoSeriousAxeViolations(agent);
  await shoot(agent, "calls-desktop");
  await agent.setViewportSize({ width: 390, height: 844 });
  await shoot(agent, "calls-phone");
  await agent.setViewportSize({ width: 1280, height: 800 });

  // On the ticket: the number, both clocks, the comment; marked handled with an outcome.
  await row.getByRole("link", { name: reference }).click();
  await expect(agent).toHaveURL(new RegExp(`/es/agent/tickets/${reference}$`));
  const panel = agent.getByTestId("call-requests");
  await expect(panel.getByRole("link", { name: "+52 55 1234 5678" })).toHaveAttribute("href", "tel:+525512345678");
  await expect(panel.getByTestId("call-window")).toContainText(m("Calls.customerZone", { zone: MEXICO }));
  await expect(panel.getByTestId("call-window")).toContainText(m("Calls.yourZone", { zone: MADRID }));
  await expect(panel.getByTestId("call-note")).toContainText("Mejor después de comer");
  // An empty outcome is refused with a translated message.
  await panel.getByRole("button", { name: m("Calls.markHandled") }).click();
  await expect(panel.getByText(m("Validation.required"))).toBeVisible();
  const outcome = "Le ayudé a configurar el correo en el móvil.";
  await panel.getByLabel(m("Calls.outcome")).fill(outcome);
  await expect(panel.getByText(m("Validation.required"))).toHaveCount(0);
  await panel.getByRole("button", { name: m("Calls.markHandled") }).click();
  await expect(panel.getByTestId("call-outcome")).toContainText(outcome);
  await expect(panel.getByRole("button", { name: m("Calls.markHandled") })).toHaveCount(0);
  await agent.setViewportSize({ width: 390, height: 844 });
  await shoot(agent, "ticket-agent-phone");
  await agent.setViewportSize({ width: 1280, height: 800 });

  // The partner's open page shows it without reload: the state, the outcome and the system note.
  await expect(partnerPanel.getByTestId("call-outcome")).toContainText(outcome);
  await expect(partnerPanel.getByTestId("call-state")).toContainText(m("Calls.handled"));
  await expect(partner.getByText(m("Events.call_handled", { actor: "Álex Agente", detail: outcome }))).toBeVisible();
  await shoot(partner, "ticket-partner-desktop");

  // It has left the agent's queue.
  await agent.goto("/es/agent/calls");
  await expect(agent.getByRole("heading", { name: m("Calls.queueTitle") })).toBeVisible();
  await expect(agent.getByTestId("open-call").filter({ hasText: reference })).toHaveCount(0);
  await partnerContext.close();
  await agentContext.close();
});

test("an agent opens a phone ticket for a customer, who finds it in Mis Tickets", async ({ browser }) => {
  const agentContext = await browser.newContext();
  const partnerContext = await browser.newContext();
  const agent = await agentContext.newPage();
  const partner = await partnerContext.newPage();
  await signIn(agent, agentAccount, "/es/agent");
  await agent
    .getByRole("link", { name: m("OnBehalf.nav") })
    .filter({ visible: true })
    .click();
  await expect(agent).toHaveURL(/\/es\/agent\/tickets\/new$/);
  await expect(agent.getByRole("heading", { name: m("OnBehalf.title") })).toBeVisible();

  // Nothing chosen: refused, with what is missing.
  await agent.getByRole("button", { name: m("OnBehalf.submit") }).click();
  await expect(agent.getByText(m("Validation.required")).first()).toBeVisible();

  const subject = `Por teléfono ${Date.now().toString(36)}`;
  await agent.getByLabel(m("OnBehalf.organization")).selectOption({ label: "Acme Hosting" });
  await agent.getByLabel(m("OnBehalf.searchRequester")).fill("paula");
  await agent.getByRole("radio", { name: /Paula Partner/ }).check();
  // By name: other tests of the run add departments of their own.
  await agent.getByLabel(m("OnBehalf.department")).selectOption({ label: "Soporte Técnico" });
  await agent.getByLabel(m("OnBehalf.category")).selectOption({ label: "General" });
  await expect(agent.getByRole("radio", { name: m("OnBehalf.channels.phone") })).toBeChecked();
  await agent.getByLabel(m("OnBehalf.subject")).fill(subject);
  await agent.getByLabel(m("OnBehalf.body")).fill("Llamó Paula: el panel da error 500 al entrar.");
  // What was refused and then filled in no longer says so.
  await expect(agent.getByText(m("Validation.required"))).toHaveCount(0);
  await expectNoSeriousAxeViolations(agent);
  await agent.setViewportSize({ width: 390, height: 844 });
  await shoot(agent, "on-behalf-phone");
  await agent.setViewportSize({ width: 1280, height: 800 });
  await agent.getByRole("button", { name: m("OnBehalf.submit") }).click();
  await expect(agent).toHaveURL(/\/es\/agent\/tickets\/TK-\d{6}$/);
  const reference = (await agent.getByTestId("ticket-reference").textContent())!.trim();
  await expect(agent.getByTestId("ticket-requester")).toContainText("Paula Partner");
  const note = m("Events.opened_on_behalf", { actor: "Álex Agente", detail: m("OnBehalf.channelInNote.phone") });
  await expect(agent.getByText(note)).toBeVisible();

  // The customer finds it in Mis Tickets, opened for her, with the note.
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const link = partner.getByTestId("ticket-list").getByRole("link", { name: new RegExp(subject) });
  await expect(link).toBeVisible();
  await link.click();
  await expect(partner.getByTestId("ticket-reference")).toHaveText(reference);
  await expect(partner.getByText(note)).toBeVisible();
  await expect(partner.getByText("Llamó Paula: el panel da error 500 al entrar.")).toBeVisible();
  await agentContext.close();
  await partnerContext.close();
});
