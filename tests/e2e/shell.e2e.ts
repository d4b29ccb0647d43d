// The signed-in shell: navigation on a phone (folded into "Menú") and on a desktop, the dark theme,
// and the agent area closed to partners.
import { test, expect, signIn } from "./support/test";
import { DEMO_PASSWORD } from "./support/accounts";
import { msg } from "./support/messages";

const partner = { email: "partner@demo.test", password: DEMO_PASSWORD };
const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: msg("es", "Nav.main") });

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("Mis Tickets is one tap away beside the menu; the menu opens the navigation", async ({ page }) => {
    await signIn(page, partner, "/es/profile");
    await expect(page.getByRole("heading", { level: 1, name: msg("es", "Profile.title") })).toBeVisible();
    await expect(nav(page)).toBeHidden();

    await page
      .getByRole("banner")
      .getByRole("link", { name: msg("es", "Nav.myTickets") })
      .click();
    await expect(page).toHaveURL(/\/es\/tickets$/);
    await expect(page.getByRole("heading", { level: 1, name: msg("es", "Tickets.title") })).toBeVisible();

    await page.getByText(msg("es", "Nav.menu"), { exact: true }).click();
    await expect(nav(page)).toBeVisible();
    await nav(page)
      .getByRole("link", { name: msg("es", "Nav.profile") })
      .click();
    await expect(page).toHaveURL(/\/es\/profile$/);
  });
});

test("on a desktop the navigation is in the header, Mis Tickets first", async ({ page }) => {
  await signIn(page, partner, "/es/profile");
  await expect(page.getByText(msg("es", "Nav.menu"), { exact: true })).toBeHidden();
  await expect(nav(page)).toBeVisible();
  await expect(nav(page).getByRole("link").first()).toHaveText(msg("es", "Nav.myTickets"));
  await nav(page)
    .getByRole("link", { name: msg("es", "Nav.myTickets") })
    .click();
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: msg("es", "Tickets.title") })).toBeVisible();

  await nav(page)
    .getByRole("link", { name: msg("es", "Nav.profile") })
    .click();
  await expect(page).toHaveURL(/\/es\/profile$/);
});

test("the dark theme is applied and survives a reload", async ({ page }) => {
  await signIn(page, partner, "/es/tickets");
  const html = page.locator("html");
  await expect(html).not.toHaveClass(/\bdark\b/);

  const toggle = page.getByRole("button", { name: `${msg("es", "Nav.theme")}: ${msg("es", "Nav.themeLight")}` });
  await toggle.click();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: `${msg("es", "Nav.theme")}: ${msg("es", "Nav.themeDark")}` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await page.reload();
  await expect(html).toHaveClass(/\bdark\b/);
  await expect(page.getByRole("button", { name: `${msg("es", "Nav.theme")}: ${msg("es", "Nav.themeDark")}` })).toBeVisible();
});

test("a partner who opens /es/agent is sent to their home", async ({ page }) => {
  await signIn(page, partner, "/es/agent");
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: msg("es", "Tickets.title") })).toBeVisible();
  await expect(page.getByRole("heading", { name: msg("es", "Agent.title") })).toHaveCount(0);
});

test("signed out, the signed-in pages send to the sign-in page", async ({ page }) => {
  for (const path of ["/es/tickets", "/es/profile", "/es/agent"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/es\/login$/);
  }
});
