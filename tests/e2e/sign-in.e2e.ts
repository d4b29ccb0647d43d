// Signing in through the form (the only tests that do: the others sign in over HTTP).
import { test, expect } from "./support/test";
import { DEMO_PASSWORD, demoAccounts } from "./support/accounts";
import { msg } from "./support/messages";
import { formAlert, viewerName } from "./support/test";

for (const account of demoAccounts) {
  test(`${account.email} signs in, lands on ${account.home}, and signs out @smoke`, async ({ page }) => {
    await page.goto("/es/login");
    await page.getByLabel(msg("es", "Login.email"), { exact: true }).fill(account.email);
    await page.getByLabel(msg("es", "Login.password"), { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: msg("es", "Login.submit"), exact: true }).click();

    await expect(page).toHaveURL(new RegExp(`${account.home}$`));
    await expect(page.getByRole("heading", { level: 1, name: msg("es", account.title) })).toBeVisible();
    await expect(viewerName(page)).toHaveText(account.name);

    await page.getByRole("button", { name: msg("es", "Common.signOut") }).click();
    await expect(page).toHaveURL(/\/es\/login$/);
    await expect(page.getByRole("heading", { name: msg("es", "Login.title") })).toBeVisible();

    // The session is gone: the home sends back to the sign-in page.
    await page.goto(account.home);
    await expect(page).toHaveURL(/\/es\/login$/);
  });
}

// The Spanish text is the product's wording; the English one is whatever en.json says.
const wrongCredentials = { es: "Correo electrónico o contraseña incorrectos.", en: msg("en", "Errors.wrongCredentials") };

for (const locale of ["es", "en"] as const) {
  test(`a wrong password shows the error in ${locale} and keeps the email`, async ({ page }) => {
    const email = locale === "es" ? "partner2@demo.test" : "orgadmin@demo.test";
    await page.goto(`/${locale}/login`);
    await page.getByLabel(msg(locale, "Login.email"), { exact: true }).fill(email);
    await page.getByLabel(msg(locale, "Login.password"), { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: msg(locale, "Login.submit"), exact: true }).click();

    await expect(formAlert(page)).toHaveText(wrongCredentials[locale]);
    await expect(page).toHaveURL(new RegExp(`/${locale}/login$`));
    await expect(page.getByLabel(msg(locale, "Login.email"), { exact: true })).toHaveValue(email);
  });
}
