// The self-hosted CAPTCHA (ALTCHA) in Chromium, on the main app (CAPTCHA=on, playwright.config.ts):
// registration without solving it is refused by the server with a translated message, over HTTP
// and through the form (which keeps what was typed); solved with the keyboard alone (Tab to the
// checkbox, Space), it passes — under the pages' CSP, with no violation and no request to another
// origin. The checkbox's accessible name and description, in all four languages.
import superjson from "superjson";
import { uniqueEmail } from "./support/accounts";
import { captchaCheckbox } from "./support/captcha";
import { locales, msg } from "./support/messages";
import { expect, formAlert, test } from "./support/test";

test("registration unsolved is refused, over HTTP and on the form; solved with Tab + Space it passes", async ({
  page,
  request,
  baseURL,
}) => {
  const person = { name: "Carla Captcha", email: uniqueEmail("captcha"), password: "una-clave-segura-1", locale: "en" };

  // Straight to the procedure, no solution: refused before anything happens, in the caller's language.
  const direct = await request.post("/api/trpc/auth.register", {
    data: superjson.serialize(person),
    headers: { "content-type": "application/json", "x-mesa-locale": "pt" },
  });
  expect(direct.status()).toBe(400);
  expect(((await direct.json()) as { error: { json: { message: string } } }).error.json.message).toBe(msg("pt", "Errors.captchaRequired"));

  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (req) => {
    if (new URL(req.url()).origin !== new URL(baseURL!).origin) problems.push(`third-party request: ${req.url()}`);
  });

  await page.goto("/en/register");
  const name = page.getByLabel(msg("en", "Register.name"), { exact: true });
  const email = page.getByLabel(msg("en", "Register.email"), { exact: true });
  const password = page.getByLabel(msg("en", "Register.password"), { exact: true });
  await name.fill(person.name);
  await email.fill(person.email);
  await password.fill(person.password);
  // The widget is there, unsolved: the server refuses, the form says why and keeps every field.
  await expect(captchaCheckbox(page, "en")).not.toBeChecked();
  await page.getByRole("button", { name: msg("en", "Register.submit") }).click();
  await expect(formAlert(page)).toHaveText(msg("en", "Errors.captchaRequired"));
  await expect(name).toHaveValue(person.name);
  await expect(email).toHaveValue(person.email);
  await expect(password).toHaveValue(person.password);

  // Keyboard only: from the password, Tab reaches the checkbox; Space solves the challenge.
  await password.focus();
  await page.keyboard.press("Tab");
  await expect(captchaCheckbox(page, "en")).toBeFocused();
  await page.keyboard.press("Space");
  await expect(captchaCheckbox(page, "en", "verified")).toBeChecked();
  await page.getByRole("button", { name: msg("en", "Register.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(msg("en", "Register.done", { email: person.email }));
  expect(problems).toEqual([]);
});

test("the CAPTCHA's checkbox has its label and description in es, en, pt and fr", async ({ page }) => {
  for (const locale of locales) {
    await page.goto(`/${locale}/register`);
    const checkbox = captchaCheckbox(page, locale);
    await expect(checkbox).toBeVisible();
    await expect(checkbox).toHaveAccessibleDescription(msg(locale, "Captcha.hint"));
    // The label is text on the page, not only an attribute.
    await expect(page.locator("label", { hasText: msg(locale, "Captcha.label") })).toBeVisible();
  }
});
