// The REST API as a partner meets it in a browser: a personal access token made under Perfil (shown
// once), then the docs page (/api/docs), where Scalar renders /api/openapi.json from Mesa's own
// assets — no request to any other host (no CDN, web fonts or telemetry: customers' networks often
// have no internet), no Content-Security-Policy violation — and its try-it console, given that token,
// lists the departments.
import { expect, test } from "./support/test";
import { signInOverHttp } from "./support/accounts";
import { msg } from "./support/messages";

test("a token made in the profile works in the API docs' console, which reaches no other host", async ({
  page,
  context,
  account,
  baseURL,
}) => {
  const m = (key: string) => msg("es", key);
  await signInOverHttp(context.request, account.email, account.password);
  await page.goto("/es/profile");
  await page.getByLabel(m("Profile.tokens.name"), { exact: true }).fill("Monitorización");
  await page.getByRole("button", { name: m("Profile.tokens.create") }).click();
  const shown = page.getByLabel(m("Profile.tokens.shownOnce"));
  await expect(shown).toHaveValue(/^mesa_pat_/);
  const token = await shown.inputValue();
  await expect(page.getByRole("list", { name: m("Profile.tokens.listLabel") })).toContainText("Monitorización");
  await expect(page.getByRole("list", { name: m("Profile.tokens.listLabel") })).toContainText(m("Profile.tokens.neverUsed"));

  const requested: string[] = [];
  const violations: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/api/docs");
  await expect(page.getByRole("heading", { name: "Mesa API" })).toBeVisible();
  await page
    .getByRole("button", { name: "Departments" })
    .or(page.getByRole("link", { name: "Departments" }))
    .first()
    .click();
  await expect(page.getByText("List departments").first()).toBeVisible();
  await page.getByPlaceholder("Token").first().fill(token);
  await page.getByRole("button", { name: /Test Request.*get \/tickets\/api\/departments\// }).click();
  const answered = page.waitForResponse((response) => response.url() === `${baseURL}/tickets/api/departments/`);
  await page.getByRole("button", { name: "Send" }).first().click();
  const response = await answered;
  expect(response.request().headers()["authorization"]).toBe(`Bearer ${token}`);
  expect(response.status()).toBe(200);
  await expect(page.getByText("soporte-tecnico").first()).toBeVisible();

  expect(requested.filter((url) => !url.startsWith(`${baseURL}/`) && !/^(data|blob):/.test(url))).toEqual([]);
  expect(violations).toEqual([]);
});
