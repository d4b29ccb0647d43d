// Issue #17 in a real browser: the public help centre (search by a word of an article's body, read it,
// "¿Fue útil?"), "Crear ticket" from an article through the sign-in and back, a suggestion opened in
// the create form's side panel without losing the draft, the ticket page naming its source article;
// and axe on the help home, an article and Admin > Knowledge base.
import { DEMO_PASSWORD } from "./support/accounts";
import { expectNoSeriousAxeViolations } from "./support/axe";
import { msg } from "./support/messages";
import { expect, signIn, test } from "./support/test";

const m = (key: string, values?: Record<string, string>) => msg("es", key, values);
const outlook = "Cómo configurar tu cuenta de correo en Outlook";

test("a signed-out reader finds an article by a word of its body and votes; the admin screen passes axe", async ({ page, browser }) => {
  await page.goto("/es/help");
  await expect(page.getByRole("heading", { level: 1, name: m("Help.title") })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Correo" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  // "puertos" is in no title: the body says "puerto **993**" (Spanish stemming joins them).
  await page.getByRole("searchbox", { name: m("Help.searchLabel") }).fill("puertos");
  await page.getByRole("button", { name: m("Help.search"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/help\?q=puertos$/);
  await page.getByTestId("help-results").getByRole("link", { name: outlook }).click();

  await expect(page.getByRole("heading", { level: 1, name: outlook })).toBeVisible();
  const body = page.getByTestId("help-article-body");
  await expect(body.getByRole("heading", { level: 2, name: "Pasos" })).toBeVisible();
  await expect(body.locator("ol > li").first()).toContainText("Archivo > Agregar cuenta");
  await expect(page.getByTestId("help-article-category")).toContainText("Correo");
  await expect(page.getByRole("link", { name: "Configurar el correo en el móvil (Android e iPhone)" })).toBeVisible(); // related
  await expectNoSeriousAxeViolations(page);

  const vote = page.getByRole("group", { name: m("Help.wasHelpful") });
  await vote.getByRole("button", { name: m("Help.yes"), exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: m("Help.thanksHelpful") })).toBeVisible();
  await expect(vote.getByRole("button", { name: m("Help.yes"), exact: true })).toHaveAttribute("aria-pressed", "true");
  // The vote is this browser's (its cookie): after a reload it is still the chosen answer.
  await page.reload();
  await expect(vote.getByRole("button", { name: m("Help.yes"), exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByText(m("Help.alreadyVoted"))).toBeVisible();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, { email: "admin@demo.test", password: DEMO_PASSWORD }, "/es/admin/knowledge-base");
  await expect(admin.getByRole("heading", { level: 1, name: m("Admin.nav.knowledgeBase") })).toBeVisible();
  await expect(admin.getByTestId("kb-article").filter({ hasText: outlook })).toContainText("útil: 1");
  await expectNoSeriousAxeViolations(admin);
  await adminContext.close();
});

test("Crear ticket from an article signs in, comes back, keeps the draft around the side panel and records the article", async ({
  page,
}) => {
  await page.goto("/es/help");
  await page.getByRole("link", { name: outlook }).click();
  await page.getByRole("link", { name: m("Help.createTicket") }).click();
  await expect(page).toHaveURL(/\/es\/login\?next=/);
  await page.getByLabel(m("Login.email")).fill("partner@demo.test");
  await page.getByLabel(m("Login.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: m("Login.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/tickets\/new\?article=\d+$/);
  await expect(page.getByTestId("ticket-source-article")).toContainText(outlook);

  const subject = "No puedo configurar el correo en Outlook";
  const description = "Seguí los pasos y Outlook me vuelve a pedir la contraseña.";
  await page.getByLabel(m("TicketForm.subject")).fill(subject);
  await page.getByLabel(m("TicketForm.description")).fill(description);
  const suggestions = page.getByTestId("kb-suggestions");
  await suggestions.getByRole("button", { name: outlook }).click();
  const panel = page.getByRole("dialog", { name: outlook });
  await expect(panel.getByRole("heading", { level: 2, name: "Si algo falla" })).toBeVisible();
  await expect(panel.getByRole("link", { name: m("TicketForm.openFullArticle") })).toHaveAttribute("href", /\/es\/help\/articles\/\d+$/);
  await panel.getByRole("button", { name: m("TicketForm.closeArticle") }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByLabel(m("TicketForm.subject"))).toHaveValue(subject);
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue(description);
  // Escape closes it too, with the same result.
  await suggestions.getByRole("button", { name: outlook }).click();
  await expect(panel).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(page.getByLabel(m("TicketForm.description"))).toHaveValue(description);

  await page.getByLabel(m("TicketForm.type")).selectOption("incident");
  await page.getByLabel(m("TicketForm.department")).selectOption({ label: "Soporte Técnico" });
  await page.getByLabel(m("TicketForm.category")).selectOption({ label: "Correo" });
  await page.getByRole("button", { name: m("TicketForm.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/es\/tickets\/TK-\d{6}$/);
  const source = page.getByTestId("ticket-source-article");
  await expect(source).toContainText(m("TicketView.fromArticle"));
  await expect(source.getByRole("link", { name: outlook })).toHaveAttribute("href", /\/es\/help\/articles\/\d+$/);
});
