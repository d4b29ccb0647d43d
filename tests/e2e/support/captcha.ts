// The CAPTCHA as the end-to-end tests meet it. The main app runs with it on (playwright.config.ts):
// what registers over HTTP solves a challenge here, in Node, with altcha-lib (the same proof of work
// the widget does in the browser); the form flows tick the widget like a person.
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { solveChallenge, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { msg, type Locale } from "./messages";

/** A solved challenge of the app behind `request`, as the widget sends it; undefined with CAPTCHA=off. */
export async function captchaPayload(request: APIRequestContext): Promise<string | undefined> {
  const response = await request.get("/api/captcha/challenge");
  if (response.status() === 404) return undefined;
  expect(response.ok(), "CAPTCHA challenge").toBe(true);
  const challenge = (await response.json()) as Challenge;
  const solution = await solveChallenge({ challenge, deriveKey });
  expect(solution, "CAPTCHA solution").toBeTruthy();
  const payload = { challenge: { parameters: challenge.parameters, signature: challenge.signature }, solution };
  return Buffer.from(JSON.stringify(payload)).toString("base64");
}

/** The form's widget, in `locale`: its checkbox by its label. */
export const captchaCheckbox = (page: Page, locale: Locale, state: "label" | "verified" = "label") =>
  page.getByRole("checkbox", { name: msg(locale, `Captcha.${state}`), exact: true });

/** Ticks the form's widget and waits until it has solved its challenge. */
export async function solveCaptchaWidget(page: Page, locale: Locale): Promise<void> {
  await captchaCheckbox(page, locale).click();
  await expect(captchaCheckbox(page, locale, "verified")).toBeChecked();
}
