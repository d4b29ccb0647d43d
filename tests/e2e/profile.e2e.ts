// The profile follows the person: the language switcher changes the page and the profile's language,
// and a change made in one tab reaches the others live over Socket.IO.
import { test, expect, signIn, watchRealtime, viewerName } from "./support/test";
import { signInOverHttp } from "./support/accounts";
import { msg } from "./support/messages";

test("the language switcher changes the page and the profile's language", async ({ page, account }) => {
  await signIn(page, account);
  await expect(page).toHaveURL(/\/es\/tickets$/);

  await page.getByRole("combobox", { name: msg("es", "Nav.language") }).selectOption("en");
  await expect(page).toHaveURL(/\/en\/tickets$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "Tickets.title") })).toBeVisible();
  await expect(page.getByRole("button", { name: msg("en", "Common.signOut") })).toBeVisible();

  // It is the profile's language now: after signing out and in again, the person lands in English.
  await page.getByRole("button", { name: msg("en", "Common.signOut") }).click();
  await expect(page).toHaveURL(/\/en\/login$/);
  await page.goto("/es/login");
  await page.getByLabel(msg("es", "Login.email"), { exact: true }).fill(account.email);
  await page.getByLabel(msg("es", "Login.password"), { exact: true }).fill(account.password);
  await page.getByRole("button", { name: msg("es", "Login.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/en\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: msg("en", "Tickets.title") })).toBeVisible();
});

test("a name changed in one tab shows in the other tab's header without reload", async ({ page, context, account }) => {
  await signInOverHttp(context.request, account.email, account.password);
  const other = await context.newPage();
  const realtime = watchRealtime(other);
  await other.goto("/es/tickets");
  await expect(viewerName(other)).toHaveText(account.name);
  await expect.poll(realtime.connected, { message: "the second tab's Socket.IO connection" }).toBe(true);

  await page.goto("/es/profile");
  const newName = `${account.name} Actualizada`;
  await page.getByLabel(msg("es", "Profile.name"), { exact: true }).fill(newName);
  await page.getByRole("button", { name: msg("es", "Profile.save") }).click();
  await expect(page.getByRole("status")).toHaveText(msg("es", "Profile.saved"));

  // No reload: the same document, updated by the realtime event.
  const marker = await other.evaluate(() => ((window as unknown as { __e2eMarker: number }).__e2eMarker = Math.random()));
  await expect(viewerName(other)).toHaveText(newName);
  expect(await other.evaluate(() => (window as unknown as { __e2eMarker?: number }).__e2eMarker)).toBe(marker);
  await expect(viewerName(page)).toHaveText(newName);
});
