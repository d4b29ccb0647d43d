// Two Mesa processes on one PostgreSQL database (ports 3101 and 3102, see playwright.config.ts):
// a change made through node A reaches a browser connected to node B, and support presence is seen
// across nodes — Socket.IO's postgres adapter relays between them.
import { createSupportTicket, DEMO_PASSWORD, trpc } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string) => msg("es", key);
const NODE_A = "http://localhost:3101";
const NODE_B = "http://localhost:3102";

test("a change made through node A reaches a browser on node B @nodes", async ({ browser }) => {
  const partnerContext = await browser.newContext({ baseURL: NODE_B });
  const partner = await partnerContext.newPage();
  const partnerLive = watchRealtime(partner);
  await signIn(partner, { email: "partner@demo.test", password: DEMO_PASSWORD }, "/es/tickets");
  const reference = await createSupportTicket(partner.request, { subject: "Dos nodos", description: "¿Llega de un nodo a otro?" });
  await partner.goto(`/es/tickets/${reference}`);
  await expect.poll(partnerLive.connected).toBe(true);

  // Support works on node A: presence crosses too (an agent on A and an admin on B see each other).
  const agentContext = await browser.newContext({ baseURL: NODE_A });
  const agent = await agentContext.newPage();
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
  const adminContext = await browser.newContext({ baseURL: NODE_B });
  const admin = await adminContext.newPage();
  await signIn(admin, { email: "admin@demo.test", password: DEMO_PASSWORD }, `/es/agent/tickets/${reference}`);
  await expect(agent.getByTestId("ticket-presence")).toContainText("Ada Admin");
  await expect(admin.getByTestId("ticket-presence")).toContainText("Álex Agente");

  await trpc(agent.request, "tickets.reply", { ticket: reference, body: "Respuesta desde el nodo A" });
  await trpc(agent.request, "tickets.setStatus", { ticket: reference, status: "pending_customer" });
  await expect(partner.getByText("Respuesta desde el nodo A")).toBeVisible();
  await expect(partner.getByTestId("ticket-status")).toHaveText(m("Statuses.pending_customer"));

  await partnerContext.close();
  await agentContext.close();
  await adminContext.close();
});
