// Self-registration with the real activation email (caught by the fixtures' SMTP server), and the
// password reset by email link.
import { test, expect } from "./support/test";
import { uniqueEmail } from "./support/accounts";
import { solveCaptchaWidget } from "./support/captcha";
import { appLink, waitForMail } from "./support/mail";
import { msg, type Locale } from "./support/messages";
import { formAlert, viewerName } from "./support/test";
import type { Page } from "@playwright/test";

async function signInThroughForm(page: Page, locale: Locale, email: string, password: string) {
  await page.getByLabel(msg(locale, "Login.email"), { exact: true }).fill(email);
  await page.getByLabel(msg(locale, "Login.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: msg(locale, "Login.submit"), exact: true }).click();
}

for (const locale of ["es", "en"] as const) {
  test(`registering on /${locale}/register, activating from the email and signing in`, async ({ page, request }) => {
    const name = locale === "es" ? "Renata Registro" : "Rita Register";
    const email = uniqueEmail(`register-${locale}`);
    const password = "una-clave-segura-1";

    await page.goto(`/${locale}/register`);
    await page.getByLabel(msg(locale, "Register.name"), { exact: true }).fill(name);
    await page.getByLabel(msg(locale, "Register.email"), { exact: true }).fill(email);
    await page.getByLabel(msg(locale, "Register.password"), { exact: true }).fill(password);
    await solveCaptchaWidget(page, locale);
    await page.getByRole("button", { name: msg(locale, "Register.submit") }).click();
    await expect(page.getByRole("status")).toHaveText(msg(locale, "Register.done", { email }));

    // The email is in the language of the page the person registered on.
    const mail = await waitForMail(request, email, msg(locale, "Email.activation.subject"));
    expect(mail.text).toContain(msg(locale, "Email.greeting", { name }));
    expect(mail.text).toContain(msg(locale, "Email.activation.intro"));
    expect(mail.html).toContain(`lang="${locale}"`);
    const link = appLink(mail, "activate");
    expect(link.pathname).toBe(`/${locale}/activate`);

    // Not yet active: signing in is refused with the reason.
    await page.goto(`/${locale}/login`);
    await signInThroughForm(page, locale, email, password);
    await expect(formAlert(page)).toHaveText(msg(locale, "Errors.notActivated"));

    await page.goto(link.toString());
    await expect(page.getByRole("heading", { name: msg(locale, "Activate.title") })).toBeVisible();
    await page.getByRole("button", { name: msg(locale, "Activate.submit") }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/login\\?activated=1$`));
    await expect(page.getByRole("status")).toHaveText(msg(locale, "Login.activated"));

    await signInThroughForm(page, locale, email, password);
    await expect(page).toHaveURL(new RegExp(`/${locale}/tickets$`));
    await expect(page.getByRole("heading", { level: 1, name: msg(locale, "Tickets.title") })).toBeVisible();
    await expect(viewerName(page)).toHaveText(name);
  });
}

test("password reset by email link", async ({ page, request, account }) => {
  const newPassword = "otra-clave-nueva-2";
  await page.goto("/es/login");
  await page.getByRole("link", { name: msg("es", "Login.forgot") }).click();
  await expect(page).toHaveURL(/\/es\/forgot-password$/);
  await page.getByLabel(msg("es", "ForgotPassword.email"), { exact: true }).fill(account.email);
  await solveCaptchaWidget(page, "es");
  await page.getByRole("button", { name: msg("es", "ForgotPassword.submit") }).click();
  await expect(page.getByRole("status")).toHaveText(msg("es", "ForgotPassword.done", { email: account.email }));

  const mail = await waitForMail(request, account.email, msg("es", "Email.passwordReset.subject"));
  expect(mail.text).toContain(msg("es", "Email.greeting", { name: account.name }));
  const link = appLink(mail, "reset-password");
  expect(link.pathname).toBe("/es/reset-password");

  await page.goto(link.toString());
  await expect(page.getByRole("heading", { name: msg("es", "ResetPassword.title") })).toBeVisible();
  await page.getByLabel(msg("es", "ResetPassword.password"), { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: msg("es", "ResetPassword.submit") }).click();
  await expect(page).toHaveURL(/\/es\/login\?reset=1$/);
  await expect(page.getByRole("status")).toHaveText(msg("es", "Login.passwordReset"));

  // The old password no longer works; the new one does.
  await signInThroughForm(page, "es", account.email, account.password);
  await expect(formAlert(page)).toHaveText(msg("es", "Errors.wrongCredentials"));
  await signInThroughForm(page, "es", account.email, newPassword);
  await expect(page).toHaveURL(/\/es\/tickets$/);
  await expect(page.getByRole("heading", { level: 1, name: msg("es", "Tickets.title") })).toBeVisible();

  // The link was used: a second use is refused.
  await page.context().clearCookies();
  await page.goto(link.toString());
  await page.getByLabel(msg("es", "ResetPassword.password"), { exact: true }).fill("y-otra-clave-3");
  await page.getByRole("button", { name: msg("es", "ResetPassword.submit") }).click();
  await expect(formAlert(page)).toHaveText(msg("es", "Errors.invalidLink"));
});
