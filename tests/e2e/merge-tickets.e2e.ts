// Merge (issue #16, item 4): Paula opens a duplicate of Óscar's ticket (both Acme Hosting); the agent
// merges it by number after a review step; the target's thread shows Paula's message marked as
// merged, the duplicate's page points to the target, and Paula sees the banner and follows it to
// the target. The agent links the two as related. axe in both themes; screenshots on a desktop and a phone.
import type { Page } from "@playwright/test";
import { createSupportTicket, DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string, values: Record<string, string> = {}) => msg("es", key, values);
const phone = { width: 390, height: 844 };

async function shoot(page: Page, name: string) {
  for (const theme of ["light", "dark"] as const) {
    await page.evaluate((t) => document.documentElement.classList.toggle("dark", t === "dark"), theme);
    await page.screenshot({ path: `/tmp/merge-e2e-${name}-${theme}.png`, fullPage: true });
  }
  await page.evaluate(() => document.documentElement.classList.remove("dark"));
}

test("the agent merges a duplicate: its message shows in the target, both pages point the right way", async ({ browser }) => {
  const tag = Date.now().toString(36);
  const open = async (email: string, path: string, viewport?: { width: number; height: number }) => {
    const context = await browser.newContext(viewport ? { viewport } : {});
    const page = await context.newPage();
    await signIn(page, { email, password: DEMO_PASSWORD }, path);
    return { context, page };
  };
  const oscar = await open("orgadmin@demo.test", "/es/tickets");
  const target = await createSupportTicket(oscar.page.request, {
    subject: `Web caída ${tag}`,
    description: "La web de Acme da error 502.",
    organization: "Acme Hosting",
  });
  await oscar.context.close();
  const paula = await open("partner@demo.test", "/es/tickets");
  const duplicate = await createSupportTicket(paula.page.request, {
    subject: `No carga la portada ${tag}`,
    description: `Desde las 9 la portada no carga (${tag}).`,
    organization: "Acme Hosting",
  });

  // The agent reviews the merge on the duplicate's page, then confirms it.
  const agent = await open("agent@demo.test", `/es/agent/tickets/${duplicate}`);
  const mergeBox = agent.page.getByTestId("merge-ticket");
  await mergeBox.getByLabel(m("Merge.targetLabel")).fill(duplicate);
  await mergeBox.getByRole("button", { name: m("Merge.review") }).click();
  await expect(mergeBox.getByText(m("Errors.mergeIntoItself"))).toBeVisible();
  await mergeBox.getByLabel(m("Merge.targetLabel")).fill(target);
  await mergeBox.getByRole("button", { name: m("Merge.review") }).click();
  await expect(mergeBox.getByTestId("merge-confirm-text")).toHaveText(
    m("Merge.confirmText", { duplicate, target, subject: `Web caída ${tag}` }),
  );
  await mergeBox.getByRole("button", { name: m("Merge.confirm"), exact: true }).click();

  // The duplicate is closed and points to the target; it offers no merge and no reply box.
  const banner = agent.page.getByTestId("merged-banner");
  await expect(banner).toContainText(m("Merge.banner", { reference: target }));
  await expect(agent.page.getByTestId("ticket-status")).toHaveText(m("Statuses.closed"));
  await expect(agent.page.getByTestId("merge-ticket")).toHaveCount(0);
  await expect(agent.page.getByTestId("composer")).toHaveCount(0);
  await expect(agent.page.getByText(m("Events.merged_into", { actor: "Álex Agente", after: target }))).toBeVisible();

  // The link opens the target, whose thread shows the duplicate's message, marked.
  await banner.getByRole("link", { name: m("Merge.bannerLink", { reference: target }) }).click();
  await expect(agent.page).toHaveURL(new RegExp(`/es/agent/tickets/${target}$`));
  const merged = agent.page.getByTestId("thread-message").filter({ hasText: `Desde las 9 la portada no carga (${tag}).` });
  await expect(merged.getByTestId("merged-from")).toHaveText(m("Merge.fromTicket", { reference: duplicate }));
  await expect(agent.page.getByText(m("Events.merged_from", { actor: "Álex Agente", before: duplicate }))).toBeVisible();

  // Related tickets: the agent links the two; the list shows the duplicate's number, subject and status.
  const related = agent.page.getByTestId("related-tickets");
  await expect(related.getByText(m("Merge.relatedEmpty"))).toBeVisible();
  await related.getByLabel(m("Merge.linkLabel")).fill(duplicate);
  await related.getByRole("button", { name: m("Merge.link"), exact: true }).click();
  const row = related.getByTestId("related-ticket");
  await expect(row).toContainText(duplicate);
  await expect(row).toContainText(`No carga la portada ${tag}`);
  await expect(row.getByTestId("related-ticket-status")).toHaveText(m("Statuses.closed"));

  await expectNoSeriousAxeViolations(agent.page);
  await shoot(agent.page, "agent-target");
  await agent.page.setViewportSize(phone);
  await shoot(agent.page, "agent-target-phone");

  // Paula, on a phone, sees the banner on her ticket and follows it to the target she now follows.
  await paula.page.setViewportSize(phone);
  await paula.page.goto(`/es/tickets/${duplicate}`);
  const paulaBanner = paula.page.getByTestId("merged-banner");
  await expect(paulaBanner).toContainText(m("Merge.banner", { reference: target }));
  await expect(paula.page.getByTestId("composer")).toHaveCount(0);
  await shoot(paula.page, "partner-duplicate-phone");
  await paulaBanner.getByRole("link", { name: m("Merge.bannerLink", { reference: target }) }).click();
  await expect(paula.page).toHaveURL(new RegExp(`/es/tickets/${target}$`));
  await expect(paula.page.getByText(`Desde las 9 la portada no carga (${tag}).`)).toBeVisible();
  await expect(paula.page.getByTestId("related-tickets")).toHaveCount(0);
  await expectNoSeriousAxeViolations(paula.page);
  await shoot(paula.page, "partner-target-phone");

  await agent.context.close();
  await paula.context.close();
});
