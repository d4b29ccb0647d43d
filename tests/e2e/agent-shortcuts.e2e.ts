// The agent workspace's keyboard shortcuts: `?` shows them in a dialog (Escape closes it); on the
// queue `j`/`k` move a highlight over the rows and Enter opens the highlighted ticket; on a ticket
// `a` takes it, `n`/`r` put the reply box in "Nota interna"/"Responder" mode with the focus in it,
// keys typed in the box stay text, and `j`/`k` go to the next/previous ticket of the queue.
import type { Browser, Page } from "@playwright/test";
import { createSupportTicket, DEMO_PASSWORD, signInOverHttp } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string) => msg("es", key);
const agent = { email: "agent@demo.test", password: DEMO_PASSWORD };

const demoPartner = { email: "partner@demo.test", password: DEMO_PASSWORD };

/** Tickets of `partner` in Soporte Técnico (the demo agent's department), over HTTP. */
async function partnerTickets(browser: Browser, partner: { email: string; password: string }, subjects: string[]): Promise<string[]> {
  const context = await browser.newContext();
  await signInOverHttp(context.request, partner.email, partner.password);
  const references: string[] = [];
  for (const subject of subjects)
    references.push(await createSupportTicket(context.request, { subject, description: "Probando los atajos de teclado." }));
  await context.close();
  return references;
}

const helpDialog = (page: Page) => page.getByRole("dialog", { name: m("Shortcuts.title") });
/** Opened from the queue (Enter, j, k), a ticket's address carries the queue's filters: its way back. */
const FROM = "\\?from=[^#]+$";

/** Opens the help with `?` — retried until the page's scripts listen, which also proves they do. */
async function openHelpWithKey(page: Page) {
  await expect(async () => {
    await page.keyboard.press("Shift+Slash");
    await expect(helpDialog(page)).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

async function closeHelpWithEscape(page: Page) {
  await page.keyboard.press("Escape");
  await expect(helpDialog(page)).toHaveCount(0);
}

test("? opens the list of shortcuts, a proper dialog that Escape closes; the button opens it too", async ({ page }) => {
  await signIn(page, agent, "/es/agent");
  await expect(page.getByRole("heading", { name: m("Agent.title") })).toBeVisible();

  await openHelpWithKey(page);
  const dialog = helpDialog(page);
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expect(dialog.getByRole("heading", { name: m("Shortcuts.title") })).toBeVisible();
  // Focus moved into the dialog.
  await expect(dialog.getByRole("button", { name: m("Shortcuts.close") })).toBeFocused();
  // Every shortcut, its keys in <kbd>, with what it does.
  await expect(dialog.locator("kbd")).toHaveText([
    "?",
    m("Shortcuts.keys.escape"),
    "j",
    "k",
    m("Shortcuts.keys.enter"),
    "o",
    "x",
    "r",
    "n",
    "a",
    "j",
    "k",
  ]);
  await expect(dialog.locator("dd")).toHaveText([
    ...["help", "closeHelp", "down", "up", "open"].map((a) => m(`Shortcuts.actions.${a}`)),
    m("Bulk.shortcut"),
    ...["reply", "note", "take", "next", "previous"].map((a) => m(`Shortcuts.actions.${a}`)),
  ]);
  await closeHelpWithEscape(page);

  // For mouse users: a visible button opens the same dialog, its close button closes it.
  const button = page.getByRole("button", { name: m("Shortcuts.button") });
  await button.click();
  await expect(helpDialog(page)).toBeVisible();
  await helpDialog(page)
    .getByRole("button", { name: m("Shortcuts.close") })
    .click();
  await expect(helpDialog(page)).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("the queue's j/k/Enter and a ticket's a, n, r, j and k", async ({ page, browser }) => {
  const token = `atajos${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await partnerTickets(browser, demoPartner, [`Primero ${token}`, `Segundo ${token}`]);

  // The queue, narrowed to this test's two tickets.
  await signIn(page, agent, `/es/agent?view=unassigned&q=${token}`);
  const rows = page.getByTestId("ticket-list").locator("li[data-queue-row]");
  await expect(rows).toHaveCount(2);
  const order = await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute("data-queue-row")!));
  const [first, second] = order as [string, string];
  // The queue remembers its order for the ticket pages.
  await expect.poll(() => page.evaluate(() => sessionStorage.getItem("mesa.queue.order"))).toBe(JSON.stringify(order));

  await openHelpWithKey(page);
  await closeHelpWithEscape(page);
  await expect(page.locator("li[data-active]")).toHaveCount(0);
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("data-active", "true");
  await expect(rows.nth(0).getByRole("link")).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("data-active", "true");
  await expect(rows.nth(0)).not.toHaveAttribute("data-active");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("data-active", "true");
  await expect(page.locator("li[data-active]")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${first}${FROM}`));
  await expect(page.getByTestId("ticket-reference")).toHaveText(first);

  // `a` takes the ticket.
  await openHelpWithKey(page);
  await closeHelpWithEscape(page);
  const assignee = page.getByTestId("ticket-assignee").locator("option:checked");
  await expect(assignee).toHaveText(m("Staff.unassigned"));
  await page.keyboard.press("a");
  await expect(assignee).toHaveText("Álex Agente");
  await expect(page.getByRole("button", { name: m("Staff.take") })).toHaveCount(0);

  // `n`: internal note mode, focus in the box, and the "n" itself is not typed.
  const composer = page.getByTestId("composer");
  const box = page.getByLabel(m("TicketView.replyLabel"));
  await page.keyboard.press("n");
  await expect(composer).toHaveAttribute("data-composer-mode", "note");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");
  await expect(page.getByText(m("Shortcuts.composerNote"))).toBeVisible();

  // Typed in the box, `j` is text: no navigation, although the queue has a next ticket.
  await page.keyboard.type("j");
  await expect(box).toHaveValue("j");
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${first}${FROM}`));

  // `r`: back to a public reply, focus in the box again.
  await box.blur();
  await page.keyboard.press("r");
  await expect(composer).toHaveAttribute("data-composer-mode", "reply");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("j");
  await expect(page.getByText(m("Shortcuts.composerNote"))).toHaveCount(0);

  // Outside the box, `j` goes to the next ticket of the queue and `k` back.
  await box.blur();
  await page.keyboard.press("j");
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${second}${FROM}`));
  await expect(page.getByTestId("ticket-reference")).toHaveText(second);
  // The last of the queue: `j` does nothing.
  await openHelpWithKey(page);
  await closeHelpWithEscape(page);
  await page.keyboard.press("j");
  await page.waitForTimeout(1_000);
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${second}${FROM}`));
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${first}${FROM}`));
  await expect(page.getByTestId("ticket-reference")).toHaveText(first);
});

test("beside the thread, the requester's other tickets, each a link to it", async ({ page, browser, account }) => {
  // A partner of the test's own: their only tickets are these two.
  const [older, current] = (await partnerTickets(browser, account, ["Anterior", "Actual"])) as [string, string];
  await signIn(page, agent, `/es/agent/tickets/${current}`);
  const aside = page.getByRole("region", { name: msg("es", "RequesterTickets.title", { name: account.name }) });
  await expect(aside).toBeVisible();
  // The other ticket, not this one.
  await expect(aside.getByRole("link")).toHaveCount(1);
  const link = aside.getByRole("link", { name: new RegExp(older) });
  await expect(link).toContainText("Anterior");
  await expect(link.getByTestId("requester-ticket-status")).toHaveText(m("Statuses.new"));
  // The page's own status badge stays the only "ticket-status".
  await expect(page.getByTestId("ticket-status")).toHaveCount(1);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/es/agent/tickets/${older}$`));
  await expect(page.getByTestId("ticket-reference")).toHaveText(older);
  await expect(aside.getByRole("link")).toHaveCount(1);
  await expect(aside.getByRole("link", { name: new RegExp(current) })).toContainText("Actual");
});
