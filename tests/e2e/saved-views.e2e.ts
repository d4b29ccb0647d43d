// Saved views on the agent queue: the demo agent filters the queue (high priority), saves it as a
// view and sees its tab with a count; in other browsers a partner opens a ticket and an admin raises
// it to high priority — the count on the agent's page (and the page's title) moves without reload.
import { createSupportTicket, DEMO_PASSWORD, signInOverHttp, trpc } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test, watchRealtime } from "./support/test";

const m = (key: string) => msg("es", key);

test("an agent saves a filtered view and its tab's count follows new tickets live", async ({ browser }) => {
  const agentContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const agent = await agentContext.newPage();
  const live = watchRealtime(agent);
  await signIn(agent, { email: "agent@demo.test", password: DEMO_PASSWORD }, "/es/agent");
  await expect(agent.getByRole("heading", { name: m("Agent.title") })).toBeVisible();
  await expect(agent).toHaveTitle(new RegExp(`^${m("Queue.views.unassigned")} \\(\\d+\\) — Mesa$`));
  await expect.poll(live.connected).toBe(true);

  // Filter: high priority, then save it as a view of one's own.
  await agent.getByRole("combobox", { name: m("TicketList.priority") }).selectOption("high");
  await agent.getByRole("button", { name: m("TicketList.apply") }).click();
  await expect(agent).toHaveURL(/priority=high/);
  const name = `Altas ${Date.now().toString(36)}`;
  await agent.getByRole("button", { name: m("SavedViews.save") }).click();
  await agent.getByLabel(m("SavedViews.name")).fill(name);
  await agent.getByRole("button", { name: m("SavedViews.saveSubmit"), exact: true }).click();
  await expect(agent).toHaveURL(/savedView=\d+/);
  const id = new URL(agent.url()).searchParams.get("savedView")!;
  const tab = agent.getByTestId(`saved-view-tab-${id}`);
  await expect(tab).toHaveAttribute("aria-current", "page");
  await expect(tab).toContainText(name);
  const count = tab.getByTestId("tab-count");
  await expect(count).toHaveText(/^\d+$/);
  const before = Number(await count.textContent());
  await expect(agent).toHaveTitle(`${name} (${before}) — Mesa`);
  await expect.poll(live.connected).toBe(true);

  // Elsewhere: a partner opens a ticket (normal priority: not in the view) and an admin raises it.
  const partnerContext = await browser.newContext();
  await signInOverHttp(partnerContext.request, "partner@demo.test", DEMO_PASSWORD);
  const reference = await createSupportTicket(partnerContext.request, {
    subject: `Vista guardada ${name}`,
    description: "Urgente de verdad",
  });
  const adminContext = await browser.newContext();
  await signInOverHttp(adminContext.request, "admin@demo.test", DEMO_PASSWORD);
  await trpc(adminContext.request, "tickets.setPriority", { ticket: reference, priority: "high" });

  // The agent's tab and title move without a reload; the ticket is in the list.
  await expect(count).toHaveText(String(before + 1));
  await expect(agent).toHaveTitle(`${name} (${before + 1}) — Mesa`);
  await expect(agent.getByRole("link", { name: new RegExp(`Vista guardada ${name}`) })).toBeVisible();

  // The view's menu opens; axe in both themes with it open.
  await agent.getByTestId("saved-view-menu").click();
  await expect(agent.getByRole("button", { name: m("SavedViews.delete") })).toBeVisible();
  await agent.screenshot({ path: "/tmp/saved-views-desktop-light.png", fullPage: true });
  await expectNoSeriousAxeViolations(agent);
  await agent.evaluate(() => document.documentElement.classList.add("dark"));
  await agent.screenshot({ path: "/tmp/saved-views-desktop-dark.png", fullPage: true });

  // On a phone the tabs scroll sideways and the save control stays reachable.
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, { email: "agent@demo.test", password: DEMO_PASSWORD }, `/es/agent?${new URL(agent.url()).searchParams.toString()}`);
  await expect(phone.getByTestId(`saved-view-tab-${id}`).getByTestId("tab-count")).toHaveText(String(before + 1));
  await phone.getByRole("button", { name: m("SavedViews.save") }).click();
  await phone.screenshot({ path: "/tmp/saved-views-phone.png", fullPage: true });
  await expectNoSeriousAxeViolations(phone);

  await phoneContext.close();
  await adminContext.close();
  await partnerContext.close();
  await agentContext.close();
});
