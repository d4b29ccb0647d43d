// Canned replies and macros in the agent's reply box: a Portuguese customer's ticket gets the
// Portuguese text with the customer, the ticket number and the agent filled in ("::" + name,
// Enter); a macro replies and sets "Esperando su respuesta" in one step. The management page
// passes axe in both themes.
import { createAccount, createSupportTicket, DEMO_PASSWORD, signInOverHttp, trpc } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string) => msg("es", key);
const texts = (pt: string) => ({ es: "", en: "", pt, fr: "" });

test("an agent inserts a Portuguese canned reply with its placeholders filled, then a macro replies and waits for the customer", async ({
  browser,
}) => {
  const customerContext = await browser.newContext();
  const name = `João ${Math.random().toString(36).slice(2, 7)}`;
  const customer = await createAccount(customerContext.request, { label: "pt", name, locale: "pt" });
  await signInOverHttp(customerContext.request, customer.email, customer.password);
  const ref = await createSupportTicket(customerContext.request, { subject: "O site não abre", description: "Erro 500 desde ontem." });

  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  const tag = Math.random().toString(36).slice(2, 6);
  await trpc(agent.request, "canned.create", {
    shortcut: `ola${tag}`,
    title: `Saudação ${tag}`,
    scope: "personal",
    departmentId: null,
    texts: texts("Olá {{cliente.nombre}}, o seu pedido {{ticket.numero}} está com {{agente.nombre}}."),
    setStatus: null,
    setPriority: null,
    addTags: [],
  });
  await trpc(agent.request, "canned.create", {
    shortcut: `dados${tag}`,
    title: `Pedir dados ${tag}`,
    scope: "personal",
    departmentId: null,
    texts: texts("Pode enviar uma captura do erro, {{cliente.primer_nombre}}?"),
    setStatus: "pending_customer",
    setPriority: null,
    addTags: [],
  });

  // The management page lists them; axe light and dark, desktop and phone.
  await agent.goto("/es/agent/canned-replies");
  await expect(agent.getByRole("heading", { name: m("Canned.title"), level: 1 })).toBeVisible();
  await expect(agent.getByText(`::ola${tag}`)).toBeVisible();
  await expectNoSeriousAxeViolations(agent);
  await agent.screenshot({ path: "/tmp/canned-manage-light.png", fullPage: true });
  await agent.emulateMedia({ colorScheme: "dark" });
  await agent.evaluate(() => document.documentElement.classList.add("dark"));
  await expectNoSeriousAxeViolations(agent);
  await agent.screenshot({ path: "/tmp/canned-manage-dark.png", fullPage: true });
  await agent.evaluate(() => document.documentElement.classList.remove("dark"));
  await agent.emulateMedia({ colorScheme: "light" });

  // "::ola…" in the reply box, Enter: the filled Portuguese text replaces it.
  await agent.goto(`/es/agent/tickets/${ref}`);
  const box = agent.getByLabel(m("TicketView.replyLabel"));
  await box.pressSequentially(`::ola${tag}`);
  await expect(agent.getByRole("option", { name: new RegExp(`Saudação ${tag}`) })).toBeVisible();
  await box.press("Enter");
  const filled = `Olá ${name}, o seu pedido ${ref} está com Álex Agente.`;
  await expect(box).toHaveValue(filled);
  await agent.setViewportSize({ width: 390, height: 844 });
  await agent.screenshot({ path: "/tmp/canned-ticket-phone.png", fullPage: true });
  await agent.setViewportSize({ width: 1280, height: 900 });
  await agent.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(agent.getByTestId("thread-message").filter({ hasText: filled })).toHaveCount(1);

  // The macro: the text, and before sending what it will also do; then both in one step.
  await box.pressSequentially(`::dados${tag}`);
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(box).toHaveValue(`Pode enviar uma captura do erro, João?`);
  await expect(agent.getByTestId("macro-pending")).toContainText(`estado → ${m("Statuses.pending_customer")}`);
  await agent.screenshot({ path: "/tmp/canned-macro.png", fullPage: true });
  await agent.getByRole("button", { name: m("Staff.reply"), exact: true }).click();
  await expect(agent.getByTestId("ticket-status")).toHaveText(m("Statuses.pending_customer"));
  await expect(agent.getByText("Pode enviar uma captura do erro, João?")).toBeVisible();
  await expect(agent.getByTestId("macro-pending")).toHaveCount(0);
  await customerContext.close();
  await agentContext.close();
});
