// The admin screens as an administrator uses them: an SLA target saved for "Crítica" is still there
// after a reload; a calendar whose day ends before it starts is refused in Spanish with everything
// typed kept, and listed once fixed; a partner gets no admin screen at all.
//
// The e2e database is shared with tests running in parallel, so every global setting changed here is
// put back (in `finally`, even when an assertion fails), and the critical first response is only
// ever set to 55 or 59 minutes: agent-sla.e2e.ts counts a critical ticket down to "at risk" at 50
// minutes and "breached" at 61, which both values keep true.
import type { APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD, trpc } from "./support/accounts";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
const admin = { email: "admin@demo.test", password: DEMO_PASSWORD };

/** A query without input over HTTP (a GET in tRPC; superjson wraps the result in `json`). */
async function query<T>(request: APIRequestContext, procedure: string): Promise<T> {
  const response = await request.get(`/api/trpc/${procedure}`, { headers: { "x-mesa-locale": "es" } });
  expect(response.ok(), `${procedure} answered ${response.status()}`).toBe(true);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

type Policy = { priority: string; firstResponseMinutes: number | null; resolutionMinutes: number | null };

test("an admin sets the critical first response, saves, reloads and still sees it", async ({ page }) => {
  await signIn(page, admin, "/es/agent");
  await page.getByRole("link", { name: m("Nav.admin"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/admin$/);
  await page
    .getByRole("link", { name: m("Admin.nav.sla") })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: m("Admin.nav.sla") })).toBeVisible();

  const before = (await query<Policy[]>(page.request, "admin.slaPolicies.list")).find((p) => p.priority === "critical")!;
  expect(before.firstResponseMinutes).not.toBeNull();
  const minutes = before.firstResponseMinutes === 55 ? 59 : 55;
  const clock = m("Admin.sla.firstResponse");
  const critical = page.getByRole("form", { name: m("Priorities.critical") });
  const hoursBox = critical.getByLabel(m("Admin.sla.hoursOf", { clock }), { exact: true });
  const minutesBox = critical.getByLabel(m("Admin.sla.minutesOf", { clock }), { exact: true });
  try {
    await hoursBox.fill("0");
    await minutesBox.fill(String(minutes));
    await critical.getByRole("button", { name: m("Admin.sla.save") }).click();
    await expect(critical.getByRole("status")).toHaveText(m("Admin.sla.saved"));

    await page.reload();
    await expect(hoursBox).toHaveValue("0");
    await expect(minutesBox).toHaveValue(String(minutes));
    // The other priorities were left alone.
    const after = await query<Policy[]>(page.request, "admin.slaPolicies.list");
    expect(after.find((p) => p.priority === "critical")).toEqual({ ...before, firstResponseMinutes: minutes });
  } finally {
    await trpc(page.request, "admin.slaPolicies.set", {
      priority: "critical",
      firstResponseMinutes: before.firstResponseMinutes,
      resolutionMinutes: before.resolutionMinutes,
    });
  }
});

test("an admin saves who sets the priority of new tickets and sees the stored choice after a reload", async ({ page }) => {
  // Saved unchanged: switching the deployment to customer_choice would change the tickets that
  // tests running in parallel create (the switch itself is covered by priority-policy.int.test.ts).
  await signIn(page, admin, "/es/admin/priority-rules");
  const stored = await query<{ mode: "rules" | "customer_choice"; fallback: string }>(page.request, "admin.priorityRules.policy");
  const form = page.getByRole("form", { name: m("Admin.priorityRules.policy.title") });
  const who = form.getByRole("group", { name: m("Admin.priorityRules.policy.who") });
  const option = (mode: string) =>
    who.getByRole("radio", { name: m(`Admin.priorityRules.policy.${mode === "rules" ? "rules" : "customerChoice"}`) });
  const fallback = form.getByLabel(m("Admin.priorityRules.policy.fallback"), { exact: true });
  try {
    await expect(option(stored.mode)).toBeChecked();
    await expect(fallback).toHaveValue(stored.fallback);
    await form.getByRole("button", { name: m("Admin.priorityRules.policy.save"), exact: true }).click();
    await expect(form.getByRole("status")).toHaveText(m("Admin.priorityRules.policy.saved"));
    await page.reload();
    await expect(option(stored.mode)).toBeChecked();
    await expect(fallback).toHaveValue(stored.fallback);
  } finally {
    await trpc(page.request, "admin.priorityRules.setPolicy", stored);
  }
});

test("a calendar ending before it starts is refused in Spanish with what was typed kept, then listed once fixed", async ({ page }) => {
  const name = `Turno e2e ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
  await signIn(page, admin, "/es/admin/calendars");
  const form = page.getByRole("form", { name: m("Admin.calendars.createTitle") });
  const nameBox = form.getByLabel(m("Admin.calendars.name"), { exact: true });
  const endBox = form.getByLabel(m("Admin.calendars.endTime"), { exact: true });
  try {
    await nameBox.fill(name);
    await form.getByLabel(m("Admin.calendars.timeZone"), { exact: true }).selectOption("Europe/Madrid");
    await form.getByLabel(m("Admin.calendars.startTime"), { exact: true }).fill("18:00");
    await endBox.fill("09:00");
    await form.getByLabel(m("Admin.calendars.extraHolidays"), { exact: true }).fill("2026-12-24\n2026-12-31");
    await form.getByRole("button", { name: m("Admin.calendars.create"), exact: true }).click();

    await expect(form.getByRole("alert")).toHaveText(m("Errors.invalid_input"));
    await expect(form.getByText(m("Validation.timeOrder"))).toBeVisible();
    await expect(endBox).toHaveAttribute("aria-invalid", "true");
    await expect(nameBox).toHaveValue(name);
    await expect(endBox).toHaveValue("09:00");
    await expect(page.getByRole("heading", { name, exact: true })).toHaveCount(0);

    await endBox.fill("22:00");
    await form.getByRole("button", { name: m("Admin.calendars.create"), exact: true }).click();
    await expect(form.getByRole("status")).toHaveText(m("Admin.calendars.created", { name }));
    await expect(nameBox).toHaveValue("");

    const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await expect(item).toBeVisible();
    await expect(item).toContainText("Europe/Madrid");
    await expect(item).toContainText(m("Admin.calendars.hours", { start: "18:00", end: "22:00" }));
    await expect(item).toContainText("2026-12-24, 2026-12-31");
    await expect(item).toContainText(m("Admin.calendars.unused"));

    // Removed again through the screen, after confirming.
    await item.getByRole("button", { name: m("Admin.calendars.removeOf", { name }) }).click();
    await item.getByRole("button", { name: m("Admin.calendars.confirm") }).click();
    await expect(page.getByRole("heading", { name, exact: true })).toHaveCount(0);
  } finally {
    const left = (await query<{ id: number; name: string }[]>(page.request, "admin.calendars.list")).find((c) => c.name === name);
    if (left) await trpc(page.request, "admin.calendars.remove", { id: left.id });
  }
});

test("a partner opening the admin area gets no admin screen", async ({ page, account }) => {
  await signIn(page, account, "/es/admin");
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: m("Tickets.title") })).toBeVisible();
  await expect(page.getByRole("link", { name: m("Nav.admin"), exact: true })).toHaveCount(0);

  await page.goto("/es/admin/sla");
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { name: m("Admin.nav.sla") })).toHaveCount(0);
  // Nor does the API answer them.
  const response = await page.request.get("/api/trpc/admin.slaPolicies.list");
  expect(response.status()).toBe(403);
});
