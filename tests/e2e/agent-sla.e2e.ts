// The queue's SLA countdown and viewer markers, live: a critical ticket of a 24/7 customer counts
// down its one-hour first response on the row; as time passes the row turns "at risk", then
// "breached", without reload. Another agent opening the ticket shows as a viewer on the row.
import { createSupportTicket, DEMO_PASSWORD, trpc } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string) => msg("es", key);

test("a queue row counts down its SLA, turns at risk then breached live, and shows who is viewing", async ({ browser }) => {
  const partnerContext = await browser.newContext();
  const partner = await partnerContext.newPage();
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const subject = `SLA en vivo ${Date.now().toString(36)}`;
  const reference = await createSupportTicket(partner.request, { subject, description: "Caída total", organization: "Acme Hosting" });
  await partnerContext.close();

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await agent.clock.install();
  const live = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent?view=all");
  await expect.poll(live.connected).toBe(true);
  const row = agent.getByRole("listitem").filter({ hasText: subject });
  const countdown = row.getByTestId("sla-countdown");
  await expect(countdown).toHaveAttribute("data-sla", "running");

  // Critical: first response within 1 hour of round-the-clock time (Acme's 24/7 calendar).
  await trpc(agent.request, "tickets.setPriority", { ticket: reference, priority: "critical" });
  await expect(countdown).toContainText(m("Sla.clocks.first_response"));
  await expect(row).toContainText(m("Priorities.critical"));

  // Another agent opens the ticket: the row says who is viewing it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, { email: "admin@demo.test", password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
  await expect(row.getByTestId("row-viewers")).toContainText("Ada Admin");
  await adminContext.close();
  await expect(row.getByTestId("row-viewers")).toHaveCount(0);

  await agent.clock.fastForward("50:00");
  await expect(countdown).toHaveAttribute("data-sla", "near_breach");
  await agent.clock.fastForward("11:00");
  await expect(countdown).toHaveAttribute("data-sla", "breached");
  await expect(countdown).toContainText(m("Sla.clocks.first_response"));
  await agentContext.close();
});
