// Every page URL carries its language: `/` follows the browser's, and each locale's sign-in page is
// entirely in that language (expected texts come from messages/*.json).
import { test, expect } from "./support/test";
import { locales, msg } from "./support/messages";

const browserLanguages = [
  { browser: "pt-BR", expected: "pt" },
  { browser: "fr", expected: "fr" },
  { browser: "es-MX", expected: "es" },
  { browser: "de", expected: "en" },
] as const;

for (const { browser, expected } of browserLanguages) {
  test(`/ redirects a ${browser} browser to /${expected}`, async ({ browser: chromium }) => {
    const context = await chromium.newContext({ locale: browser });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/${expected}/login$`));
    await expect(page.locator("html")).toHaveAttribute("lang", expected);
    await expect(page.getByRole("heading", { name: msg(expected, "Login.title") })).toBeVisible();
    await context.close();
  });
}

for (const locale of locales) {
  test(`/${locale}/login is in its language`, async ({ page }) => {
    await page.goto(`/${locale}/login`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveTitle(`${msg(locale, "Login.title")} — Mesa`); // the page says where one is
    await expect(page.getByRole("heading", { name: msg(locale, "Login.title") })).toBeVisible();
    await expect(page.getByLabel(msg(locale, "Login.email"), { exact: true })).toBeVisible();
    await expect(page.getByLabel(msg(locale, "Login.password"), { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: msg(locale, "Login.submit"), exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: msg(locale, "Login.google") })).toBeEnabled();
    await expect(page.getByRole("link", { name: msg(locale, "Login.forgot") })).toHaveAttribute("href", `/${locale}/forgot-password`);
    await expect(page.getByRole("link", { name: msg(locale, "Login.register") })).toHaveAttribute("href", `/${locale}/register`);
    await expect(page.getByRole("combobox", { name: msg(locale, "Nav.language") })).toHaveValue(locale);
  });
}

test("the language switcher on the sign-in page changes the page's language", async ({ page }) => {
  await page.goto("/es/login");
  await page.getByRole("combobox", { name: msg("es", "Nav.language") }).selectOption("en");
  await expect(page).toHaveURL(/\/en\/login$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: msg("en", "Login.title") })).toBeVisible();
});
